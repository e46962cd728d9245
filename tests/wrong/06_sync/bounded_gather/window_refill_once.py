"""Wrong: when several coroutines finish in the same loop step, only one new one is started
(the window is refilled one at a time per wake-up), so slots sit idle after a tie."""

import asyncio

EXPECT = "Keep `limit` coroutines running at all times"


async def bounded_gather(coros, limit):
    coros = list(coros)
    tasks = [None] * len(coros)
    pending = set()
    index = 0
    while index < len(coros) and len(pending) < limit:
        tasks[index] = asyncio.ensure_future(coros[index])
        pending.add(tasks[index])
        index += 1
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        if index < len(coros):
            tasks[index] = asyncio.ensure_future(coros[index])
            pending.add(tasks[index])
            index += 1
    return [t.exception() or t.result() for t in tasks]
