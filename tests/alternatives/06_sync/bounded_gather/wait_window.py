"""Correct in another style: a sliding window of tasks refilled with asyncio.wait."""

import asyncio


async def bounded_gather(coros, limit):
    tasks = []
    pending = set()
    for coro in coros:
        if len(pending) >= limit:
            _, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        task = asyncio.ensure_future(coro)
        tasks.append(task)
        pending.add(task)
    if pending:
        await asyncio.wait(pending)
    return [t.exception() or t.result() for t in tasks]
