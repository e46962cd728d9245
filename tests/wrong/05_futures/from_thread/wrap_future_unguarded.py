"""Wrong: a concurrent.futures.Future set straight from the thread: a result after the caller's cancellation raises InvalidStateError there."""

import asyncio
import concurrent.futures

EXPECT = "the result came after the future was already done"


async def from_thread(start_job):
    # concurrent.futures.Future is thread-safe; wrap_future bridges it to the loop.
    cf = concurrent.futures.Future()
    start_job(cf.set_result)
    return await asyncio.wrap_future(cf)
