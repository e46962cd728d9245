"""Wrong: the cleanup awaits (`asyncio.sleep(0)`) before release(), so a second cancellation during the cleanup skips release()."""

import asyncio

EXPECT = "the second cancellation landed on that await"


async def worker(resource):
    await resource.acquire()
    try:
        while True:
            await resource.use()
    finally:
        await asyncio.sleep(0)  # let any in-flight use() settle before releasing
        resource.release()
