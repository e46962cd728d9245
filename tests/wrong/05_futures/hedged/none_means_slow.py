"""Wrong: "no result yet" is tested with `is None`, so a primary that returns None in time
still gets a backup started."""

import asyncio

EXPECT = "test whether it finished, not its value"


async def hedged(primary, backup, after):
    first = asyncio.ensure_future(primary())
    tasks = [first]
    try:
        done, _ = await asyncio.wait(tasks, timeout=after)
        result = first.result() if done else None
        if result is not None:
            return result
        tasks.append(asyncio.ensure_future(backup()))
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        return done.pop().result()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.wait(tasks)
