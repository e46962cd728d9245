"""Wrong: fills slots that start as None, then filters the Nones out: a fetch that returns
None loses its place."""

import asyncio

EXPECT = "a result of None, 0, '' or False is a result like any other"


async def fetch_all_or_fail(ids, fetch):
    ids = list(ids)
    results = [None] * len(ids)

    async def one(k, i):
        results[k] = await fetch(i)

    async with asyncio.TaskGroup() as group:
        for k, i in enumerate(ids):
            group.create_task(one(k, i))
    return [r for r in results if r is not None]  # "skip the slots that were never filled"
