"""Correct in another style: a concurrent.futures.Future set by the job's thread, awaited
through asyncio.wrap_future (which hands the result over with call_soon_threadsafe)."""

import asyncio
import concurrent.futures


async def from_thread(start_job):
    future = concurrent.futures.Future()

    def callback(result):
        if not future.done():
            future.set_result(result)

    start_job(callback)
    return await asyncio.wrap_future(future)
