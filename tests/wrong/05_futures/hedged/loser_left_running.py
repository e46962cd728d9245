"""Wrong: returns the winner and leaves the loser running."""

import asyncio

EXPECT = "still running"


async def hedged(primary, backup, after):
    first = asyncio.ensure_future(primary())
    done, _ = await asyncio.wait({first}, timeout=after)
    if done:
        return first.result()
    second = asyncio.ensure_future(backup())
    done, _ = await asyncio.wait({first, second}, return_when=asyncio.FIRST_COMPLETED)
    return done.pop().result()
