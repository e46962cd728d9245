"""Wrong: `except Exception: release(); raise` misses CancelledError (a BaseException)."""

EXPECT = "release() was never called"


async def worker(resource):
    await resource.acquire()
    try:
        while True:
            await resource.use()
    except Exception:
        resource.release()
        raise
