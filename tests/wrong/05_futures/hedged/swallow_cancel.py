"""Wrong: when hedged is cancelled it cleans up, then returns None instead of letting the
CancelledError propagate."""

import asyncio

EXPECT = "did not end with CancelledError"


async def hedged(primary, backup, after):
    tasks = [asyncio.ensure_future(primary())]
    try:
        done, _ = await asyncio.wait(tasks, timeout=after)
        if not done:
            tasks.append(asyncio.ensure_future(backup()))
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        return done.pop().result()
    except asyncio.CancelledError:
        return None
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.wait(tasks)
