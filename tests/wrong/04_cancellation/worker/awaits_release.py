"""Wrong: `await resource.release()`: release() is a plain method, its None cannot be awaited."""

EXPECT = "you awaited something that is not awaitable"


async def worker(resource):
    await resource.acquire()
    try:
        while True:
            await resource.use()
    finally:
        await resource.release()
