"""Wrong: future.done() is checked in the job's thread, not on the loop's side. A result
queued just before the caller is cancelled still reaches a future that is done by then."""

import asyncio

EXPECT = "on the loop's side"


async def from_thread(start_job):
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def callback(result):
        if not future.done():  # read in the job's thread: stale by the time the loop runs
            loop.call_soon_threadsafe(future.set_result, result)

    start_job(callback)
    return await future
