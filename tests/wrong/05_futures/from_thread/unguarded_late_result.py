"""Wrong: call_soon_threadsafe(future.set_result, ...) fails when the caller was cancelled."""

import asyncio

EXPECT = "already done (cancelled)"


async def from_thread(start_job):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    start_job(lambda result: loop.call_soon_threadsafe(future.set_result, result))
    return await future
