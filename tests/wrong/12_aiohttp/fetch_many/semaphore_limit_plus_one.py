"""Wrong: Semaphore(limit + 1): one request too many in flight."""

import asyncio

import aiohttp

EXPECT = "at most 5 may be"


async def fetch_many(urls, limit=5):
    semaphore = asyncio.Semaphore(limit + 1)
    async with aiohttp.ClientSession() as session:

        async def fetch(url):
            async with semaphore, session.get(url) as response:
                return await response.json()

        return await asyncio.gather(*(fetch(url) for url in urls))
