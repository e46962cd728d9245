"""Wrong: caps grace at 30 s "to be safe", so a task the caller gave longer to clean up is
given up on early."""

import asyncio

EXPECT = "long before its grace"

MAX_GRACE = 30.0


async def shutdown(tasks, grace):
    tasks = list(tasks)
    if not tasks:
        return []
    for task in tasks:
        task.cancel()
    _done, pending = await asyncio.wait(tasks, timeout=min(grace, MAX_GRACE))
    return list(pending)
