"""Wrong: sleeps `after` seconds unconditionally before looking at the primary, so a fast
primary's result waits until `after`."""

import asyncio

EXPECT = "Return as soon as the primary finishes"


async def hedged(primary, backup, after):
    first = asyncio.ensure_future(primary())
    tasks = [first]
    try:
        await asyncio.sleep(after)
        if not first.done():
            tasks.append(asyncio.ensure_future(backup()))
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        return done.pop().result()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.wait(tasks)
