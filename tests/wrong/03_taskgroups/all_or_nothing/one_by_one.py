"""Wrong: awaits each task as soon as it is created, so the fetches run one after another."""

import asyncio

EXPECT = "did you await them one by one?"


async def fetch_all_or_fail(ids, fetch):
    results = []
    async with asyncio.TaskGroup() as group:
        for i in ids:
            results.append(await group.create_task(fetch(i)))
    return results
