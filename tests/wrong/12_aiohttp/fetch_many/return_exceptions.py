"""Wrong: gathers with return_exceptions=True, so an error status comes back as an item of the result instead of raising."""

import asyncio

import aiohttp

EXPECT = "came back as an item of the result"


async def fetch_many(urls, limit=5):
    semaphore = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession() as session:

        async def fetch(url):
            async with semaphore, session.get(url) as response:
                response.raise_for_status()
                return await response.json()

        return await asyncio.gather(*(fetch(url) for url in urls), return_exceptions=True)
