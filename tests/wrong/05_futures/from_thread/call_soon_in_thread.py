"""Wrong: the job's thread uses loop.call_soon, which neither is thread-safe nor wakes the loop."""

import asyncio

EXPECT = "call_soon_threadsafe"


async def from_thread(start_job):
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def callback(result):
        loop.call_soon(future.set_result, result)

    start_job(callback)
    return await future
