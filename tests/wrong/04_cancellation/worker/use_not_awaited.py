"""Wrong: calls resource.use() without await: the loop never pauses, only makes coroutines."""

EXPECT = "never awaited, so the loop never paused"


async def worker(resource):
    await resource.acquire()
    try:
        while True:
            resource.use()
    finally:
        resource.release()
