"""Wrong: cancels the loser but returns before the cancellation has run."""

import asyncio

EXPECT = "still running"


async def hedged(primary, backup, after):
    first = asyncio.ensure_future(primary())
    done, _ = await asyncio.wait({first}, timeout=after)
    if done:
        return first.result()
    second = asyncio.ensure_future(backup())
    done, pending = await asyncio.wait({first, second}, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    return done.pop().result()
