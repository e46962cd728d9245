"""Wrong: once `after` has passed, it waits for the backup alone: the primary keeps running
but can no longer win."""

import asyncio

EXPECT = "not for the backup alone"


async def hedged(primary, backup, after):
    first = asyncio.ensure_future(primary())
    tasks = [first]
    try:
        done, _ = await asyncio.wait(tasks, timeout=after)
        if done:
            return first.result()
        second = asyncio.ensure_future(backup())
        tasks.append(second)
        return await second
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.wait(tasks)
