"""Correct in another style: the thread schedules a setter with run_coroutine_threadsafe."""

import asyncio


async def from_thread(start_job):
    loop = asyncio.get_running_loop()
    event = asyncio.Event()
    box = []

    async def deliver(result):
        box.append(result)
        event.set()

    start_job(lambda result: asyncio.run_coroutine_threadsafe(deliver(result), loop))
    await event.wait()
    return box[0]
