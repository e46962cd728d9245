"""Wrong: checks `len(list(ids))` first, then loops over ids again: a generator is empty."""

import asyncio

EXPECT = "a generator can be walked only once"


async def fetch_all_or_fail(ids, fetch):
    if len(list(ids)) == 0:
        return []
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch(i)) for i in ids]
    return [task.result() for task in tasks]
