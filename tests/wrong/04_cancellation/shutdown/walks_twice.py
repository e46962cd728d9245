"""Wrong: cancels in one loop over tasks, then waits on tasks again: a generator is empty by then."""

import asyncio

EXPECT = "here a generator"


async def shutdown(tasks, grace):
    for task in tasks:
        task.cancel()
    try:
        _, pending = await asyncio.wait(tasks, timeout=grace)
    except ValueError:  # "empty": nothing to wait for
        return []
    return list(pending)
