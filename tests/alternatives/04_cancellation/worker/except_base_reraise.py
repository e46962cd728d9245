"""Correct in another style: `except BaseException: release(); raise` (a bare raise re-raises)."""


async def worker(resource):
    await resource.acquire()
    try:
        while True:
            await resource.use()
    except BaseException:
        resource.release()
        raise
