"""Wrong: waits for the tasks with a timeout but never cancels them."""

import asyncio

EXPECT = "were never cancelled"


async def shutdown(tasks, grace):
    if not tasks:
        return []
    _, pending = await asyncio.wait(tasks, timeout=grace)
    return list(pending)
