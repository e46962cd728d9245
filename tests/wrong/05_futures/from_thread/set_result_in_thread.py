"""Wrong: the job's thread calls future.set_result directly (not thread-safe)."""

import asyncio

EXPECT = "did not wake up"


async def from_thread(start_job):
    future = asyncio.get_running_loop().create_future()
    start_job(future.set_result)
    return await future
