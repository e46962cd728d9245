"""Wrong: wraps each fetch in a Semaphore(100) inside the TaskGroup, so with more than a
hundred ids some fetches only start after others finish, not all at the same time."""

import asyncio

EXPECT = "fetches in flight at once; expected all 300"


async def fetch_all_or_fail(ids, fetch):
    sem = asyncio.Semaphore(100)

    async def one(i):
        async with sem:
            return await fetch(i)

    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(one(i)) for i in ids]
    return [t.result() for t in tasks]
