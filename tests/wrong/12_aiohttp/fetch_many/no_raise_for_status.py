"""Wrong: never checks the status: an error page comes back as if it were a result."""

import asyncio

import aiohttp

EXPECT = "raise_for_status"


async def fetch_many(urls, limit=5):
    semaphore = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession() as session:

        async def fetch(url):
            async with semaphore, session.get(url) as response:
                return await response.json()

        return await asyncio.gather(*(fetch(url) for url in urls))
