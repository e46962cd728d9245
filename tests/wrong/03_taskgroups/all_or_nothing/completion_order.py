"""Wrong: appends each result when its fetch finishes, so results come in completion order."""

import asyncio

EXPECT = "in the order of ids"


async def fetch_all_or_fail(ids, fetch):
    results = []

    async def one(i):
        results.append(await fetch(i))

    async with asyncio.TaskGroup() as group:
        for i in ids:
            group.create_task(one(i))
    return results
