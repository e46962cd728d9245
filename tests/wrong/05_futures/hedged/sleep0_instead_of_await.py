"""Wrong: cancels the loser, then `await asyncio.sleep(0)` instead of awaiting it: a loser
whose cleanup takes more than one loop step is still running after the return."""

import asyncio

EXPECT = "was still running"


async def hedged(primary, backup, after):
    tasks = {asyncio.ensure_future(primary())}
    try:
        done, _ = await asyncio.wait(tasks, timeout=after)
        if not done:
            tasks.add(asyncio.ensure_future(backup()))
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        return done.pop().result()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.sleep(0)
