"""Wrong: looks the loop up inside the callback, in the job's thread, which has no loop."""

import asyncio

EXPECT = "in the job's thread"


async def from_thread(start_job):
    future = asyncio.get_running_loop().create_future()

    def callback(result):
        asyncio.get_running_loop().call_soon_threadsafe(future.set_result, result)

    start_job(callback)
    return await future
