"""Wrong: returns the tasks that finished, not the ones still running."""

import asyncio

EXPECT = "Return exactly the tasks still not done"


async def shutdown(tasks, grace):
    tasks = list(tasks)
    if not tasks:
        return []
    for task in tasks:
        task.cancel()
    done, _ = await asyncio.wait(tasks, timeout=grace)
    return list(done)
