"""Wrong: caps `after` at a minute "to be safe", so with a longer `after` the backup is
started before the caller asked for it."""

import asyncio

EXPECT = "long before after="

MAX_AFTER = 60.0


async def hedged(primary, backup, after):
    tasks = {asyncio.ensure_future(primary())}
    try:
        done, _ = await asyncio.wait(tasks, timeout=min(after, MAX_AFTER))
        if not done:
            tasks.add(asyncio.ensure_future(backup()))
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        return done.pop().result()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.wait(tasks)
