"""Wrong: caps the fetches with a Semaphore(5) "to be nice to the server": with more than
five ids, some fetches only start after others finish, not all at the same time."""

import asyncio

EXPECT = "fetches in flight at once; expected all 50"


async def fetch_all(ids, fetch):
    limit = asyncio.Semaphore(5)

    async def one(i):
        async with limit:
            return await fetch(i)

    return await asyncio.gather(*(one(i) for i in ids))
