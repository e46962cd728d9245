"""Wrong: takes a negative grace for "no limit", so shutdown(tasks, -1) waits for a task that
ignores its cancellation instead of returning at once."""

import asyncio

EXPECT = "a negative grace leaves no time to wait at all"


async def shutdown(tasks, grace):
    tasks = list(tasks)
    if not tasks:
        return []
    for task in tasks:
        task.cancel()
    _done, pending = await asyncio.wait(tasks, timeout=grace if grace >= 0 else None)
    return list(pending)
