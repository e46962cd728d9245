"""Wrong: its try/finally covers only the race after the backup starts: cancelled before that, the primary runs on."""

import asyncio

EXPECT = "cancelled at 0.5 s, but a request"


async def hedged(primary, backup, after):
    p = asyncio.create_task(primary())
    done, _ = await asyncio.wait({p}, timeout=after)
    if done:
        return p.result()
    b = asyncio.create_task(backup())
    tasks = {p, b}
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        return done.pop().result()
    finally:
        for t in tasks:
            t.cancel()
        await asyncio.wait(tasks)
