"""Correct in another style: wait_for around asyncio.wait (cancelling a wait() cancels no task)."""

import asyncio


async def shutdown(tasks, grace):
    tasks = list(tasks)
    for task in tasks:
        task.cancel()
    if tasks:
        try:
            await asyncio.wait_for(asyncio.wait(tasks), grace)
        except TimeoutError:
            pass
    return [task for task in tasks if not task.done()]
