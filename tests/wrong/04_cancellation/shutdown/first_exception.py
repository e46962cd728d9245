"""Wrong: waits with return_when=FIRST_EXCEPTION, so a task whose cleanup raises an error ends
the wait at once while the other tasks are still cleaning up."""

import asyncio

EXPECT = "one task's error must not end the wait"


async def shutdown(tasks, grace):
    tasks = list(tasks)
    if not tasks:
        return []
    for task in tasks:
        task.cancel()
    _done, pending = await asyncio.wait(tasks, timeout=grace, return_when=asyncio.FIRST_EXCEPTION)
    return list(pending)
