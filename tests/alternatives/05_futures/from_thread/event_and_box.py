"""Correct in another style: an asyncio.Event and a box, set on the loop's thread."""

import asyncio


async def from_thread(start_job):
    loop = asyncio.get_running_loop()
    arrived = asyncio.Event()
    box = []

    def settle(result):
        if not arrived.is_set():
            box.append(result)
            arrived.set()

    def callback(result):
        loop.call_soon_threadsafe(settle, result)

    start_job(callback)
    await arrived.wait()
    return box[0]
