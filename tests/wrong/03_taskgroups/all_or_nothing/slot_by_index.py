"""Wrong: stores each result at ids.index(i), so a repeated id fills only its first place."""

import asyncio

EXPECT = "an id that appears twice gets a result in each of its places"


async def fetch_all_or_fail(ids, fetch):
    ids = list(ids)
    results = [None] * len(ids)

    async def one(i):
        results[ids.index(i)] = await fetch(i)

    async with asyncio.TaskGroup() as group:
        for i in ids:
            group.create_task(one(i))
    return results
