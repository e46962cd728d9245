"""Wrong: returns asyncio.wait's pending set, not a list."""

import asyncio

EXPECT = "expected a list of the tasks not done"


async def shutdown(tasks, grace):
    tasks = list(tasks)
    if not tasks:
        return set()
    for t in tasks:
        t.cancel()
    _done, pending = await asyncio.wait(tasks, timeout=grace)
    return pending
