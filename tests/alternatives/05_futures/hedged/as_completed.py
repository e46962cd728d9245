"""Correct in another style: the race read with asyncio.as_completed."""

import asyncio


async def hedged(primary, backup, after):
    tasks = [asyncio.ensure_future(primary())]
    try:
        done, _ = await asyncio.wait(tasks, timeout=after)
        if not done:
            tasks.append(asyncio.ensure_future(backup()))
        for first in asyncio.as_completed(tasks):
            return await first
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.wait(tasks)
