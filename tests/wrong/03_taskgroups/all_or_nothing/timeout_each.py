"""Wrong: gives each fetch at most 60 s (wait_for) "to be safe": a slow fetch that would
have succeeded makes the whole call fail with TimeoutError."""

import asyncio

EXPECT = "gave up on fetch('slow')"


async def fetch_all_or_fail(ids, fetch):
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(asyncio.wait_for(fetch(i), 60)) for i in ids]
    return [t.result() for t in tasks]
