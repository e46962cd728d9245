"""Wrong: always sleeps the whole grace period, even when every task is already done."""

import asyncio

EXPECT = "as soon as all are done"


async def shutdown(tasks, grace):
    for task in tasks:
        task.cancel()
    await asyncio.sleep(grace)
    return [task for task in tasks if not task.done()]
