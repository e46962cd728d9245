"""Wrong: one module-level list of stragglers, extended by every call and never emptied, so a second call returns the first call's stragglers too."""

import asyncio

EXPECT = "the second call"

_stragglers = []


async def shutdown(tasks, grace):
    tasks = list(tasks)
    for task in tasks:
        task.cancel()
    if not tasks:
        return _stragglers
    _, pending = await asyncio.wait(tasks, timeout=grace)
    _stragglers.extend(pending)
    return _stragglers
