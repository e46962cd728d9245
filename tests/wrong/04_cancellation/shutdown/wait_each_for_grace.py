"""Wrong: cancels every task, then gives each task its own grace period, one after another."""

import asyncio

EXPECT = "grace"


async def shutdown(tasks, grace):
    tasks = list(tasks)
    for task in tasks:
        task.cancel()
    for task in tasks:
        if not task.done():
            await asyncio.wait([task], timeout=grace)
    return [task for task in tasks if not task.done()]
