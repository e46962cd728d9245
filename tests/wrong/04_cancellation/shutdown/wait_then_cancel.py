"""Wrong: waits for the grace period first and cancels only afterwards."""

import asyncio

EXPECT = "only at the end, after waiting"


async def shutdown(tasks, grace):
    tasks = list(tasks)
    if not tasks:
        return []
    _, pending = await asyncio.wait(tasks, timeout=grace)
    for task in pending:
        task.cancel()
    return list(pending)
