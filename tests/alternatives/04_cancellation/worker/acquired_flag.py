"""Correct in another style: acquire() inside the `try:`, with a flag that says whether the
resource is held, so `finally:` releases only what was acquired."""


async def worker(resource):
    acquired = False
    try:
        await resource.acquire()
        acquired = True
        while True:
            await resource.use()
    finally:
        if acquired:
            resource.release()
