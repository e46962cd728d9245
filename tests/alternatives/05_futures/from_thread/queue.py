"""Correct in another style: call_soon_threadsafe feeds an asyncio.Queue."""

import asyncio


async def from_thread(start_job):
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()
    start_job(lambda result: loop.call_soon_threadsafe(queue.put_nowait, result))
    return await queue.get()
