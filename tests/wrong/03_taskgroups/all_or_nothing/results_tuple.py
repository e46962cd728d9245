"""Wrong: returns a tuple of the results, not a list."""

import asyncio

EXPECT = "returned a tuple"


async def fetch_all_or_fail(ids, fetch):
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch(i)) for i in ids]
    return tuple(task.result() for task in tasks)
