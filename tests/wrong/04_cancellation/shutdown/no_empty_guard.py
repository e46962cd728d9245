"""Wrong: asyncio.wait() refuses an empty collection, so shutdown([]) raises ValueError."""

import asyncio

EXPECT = "empty"


async def shutdown(tasks, grace):
    for task in tasks:
        task.cancel()
    _, pending = await asyncio.wait(tasks, timeout=grace)
    return list(pending)
