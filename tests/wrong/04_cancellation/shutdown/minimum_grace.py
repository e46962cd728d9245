"""Wrong: never waits less than a minimum of 0.1 s (`max(grace, 0.1)`), so a grace of 0 is
overrun when a task does not stop."""

import asyncio

EXPECT = "grace is 0 s, the most it may wait"

MIN_GRACE = 0.1


async def shutdown(tasks, grace):
    tasks = list(tasks)
    if not tasks:
        return []
    for task in tasks:
        task.cancel()
    _done, pending = await asyncio.wait(tasks, timeout=max(grace, MIN_GRACE))
    return list(pending)
