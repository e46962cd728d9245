"""Wrong: acquire() inside the try, so a cancel during acquire() releases what was never
acquired."""

EXPECT = "never acquired"


async def worker(resource):
    try:
        await resource.acquire()
        while True:
            await resource.use()
    finally:
        resource.release()
