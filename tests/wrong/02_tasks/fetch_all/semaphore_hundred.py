"""Wrong: caps the fetches with a Semaphore(100) "to be nice to the server": with more than a
hundred ids, some fetches only start after others finish, not all at the same time."""

import asyncio

EXPECT = "fetches in flight at once; expected all 300"


async def fetch_all(ids, fetch):
    limit = asyncio.Semaphore(100)

    async def one(i):
        async with limit:
            return await fetch(i)

    return list(await asyncio.gather(*(one(i) for i in ids)))
