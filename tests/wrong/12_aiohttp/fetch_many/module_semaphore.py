"""Wrong: one module-level semaphore, made with the `limit` of the first call and shared by every later call."""

import asyncio

import aiohttp

EXPECT = "requests in flight at once; at most"

_SEM = None


async def fetch_many(urls, limit=5):
    global _SEM
    if _SEM is None:
        _SEM = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession() as session:

        async def one(url):
            async with _SEM, session.get(url) as response:
                response.raise_for_status()
                return await response.json()

        return await asyncio.gather(*(one(u) for u in urls))
