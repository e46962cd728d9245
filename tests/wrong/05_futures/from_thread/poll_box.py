"""Wrong: the thread drops the result in a list and the coroutine polls it with sleep."""

import asyncio

EXPECT = "polling"


async def from_thread(start_job):
    box = []
    start_job(box.append)
    while not box:
        await asyncio.sleep(0.01)
    return box[0]
