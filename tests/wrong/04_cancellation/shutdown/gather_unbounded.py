"""Wrong: gather waits without limit, so a task ignoring cancellation holds up the shutdown."""

import asyncio

EXPECT = "must not hold up the shutdown"


async def shutdown(tasks, grace):
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return [task for task in tasks if not task.done()]
