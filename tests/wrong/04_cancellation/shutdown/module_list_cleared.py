"""Wrong: one module-level list of stragglers, cleared at the start of each call, so two calls at once return each other's stragglers."""

import asyncio

EXPECT = "at once returned was"

_stragglers = []


async def shutdown(tasks, grace):
    _stragglers.clear()
    tasks = list(tasks)
    for task in tasks:
        task.cancel()
    if not tasks:
        return []
    _, pending = await asyncio.wait(tasks, timeout=grace)
    _stragglers.extend(pending)
    return list(_stragglers)
