"""Wrong: creates the session with a plain call and never closes it."""

import asyncio

import aiohttp

EXPECT = "left its ClientSession open"


async def fetch_many(urls, limit=5):
    session = aiohttp.ClientSession()
    semaphore = asyncio.Semaphore(limit)

    async def fetch(url):
        async with semaphore, session.get(url) as response:
            return await response.json()

    return await asyncio.gather(*(fetch(url) for url in urls))
