"""Wrong: asyncio.timeout around gather: the timeout cancels the gather, which then waits for
its (stubborn) children to finish: unbounded."""

import asyncio

EXPECT = "must not hold up the shutdown"


async def shutdown(tasks, grace):
    tasks = list(tasks)
    for task in tasks:
        task.cancel()
    try:
        async with asyncio.timeout(grace):
            await asyncio.gather(*tasks, return_exceptions=True)
    except TimeoutError:
        pass
    return [task for task in tasks if not task.done()]
