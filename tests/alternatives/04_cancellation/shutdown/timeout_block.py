"""Correct in another style: asyncio.timeout around asyncio.wait (which cancels no task)."""

import asyncio


async def shutdown(tasks, grace):
    tasks = list(tasks)
    for task in tasks:
        task.cancel()
    if tasks:
        try:
            async with asyncio.timeout(grace):
                await asyncio.wait(tasks)
        except TimeoutError:
            pass
    return [task for task in tasks if not task.done()]
