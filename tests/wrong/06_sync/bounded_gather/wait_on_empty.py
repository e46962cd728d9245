"""Wrong: a window of tasks refilled with asyncio.wait, which is also called when there is
nothing to run: asyncio.wait(set()) raises ValueError."""

import asyncio

EXPECT = "return [] (asyncio.wait() refuses an empty set"


async def bounded_gather(coros, limit):
    tasks = []
    pending = set()
    for coro in coros:
        if len(pending) >= limit:
            _, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        task = asyncio.ensure_future(coro)
        tasks.append(task)
        pending.add(task)
    await asyncio.wait(pending)
    return [t.exception() or t.result() for t in tasks]
