"""Correct in another style: functools.partial settle, one sleep(0) before awaiting."""

import asyncio
import functools


def _settle(future, result):
    if not future.done():
        future.set_result(result)


async def from_thread(start_job):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    start_job(lambda result: loop.call_soon_threadsafe(functools.partial(_settle, future, result)))
    await asyncio.sleep(0)  # let other tasks run before we park
    return await future
