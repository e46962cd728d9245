"""Wrong: wraps each fetch in a Semaphore(8) inside the TaskGroup, so with more than eight
ids the other fetches wait for a free slot instead of all running at the same time."""

import asyncio

EXPECT = "fetches in flight at once; expected all 30"


async def fetch_all_or_fail(ids, fetch) -> list:
    limit = asyncio.Semaphore(8)

    async def one(i):
        async with limit:
            return await fetch(i)

    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(one(i)) for i in ids]
    return [task.result() for task in tasks]
