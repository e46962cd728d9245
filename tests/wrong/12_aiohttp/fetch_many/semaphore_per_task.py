"""Wrong: makes a new Semaphore inside each request, so nothing is shared and nothing bounds."""

import asyncio

import aiohttp

EXPECT = "requests in flight at once; at most"


async def fetch_many(urls, limit=5):
    async with aiohttp.ClientSession() as session:

        async def fetch(url):
            async with asyncio.Semaphore(limit), session.get(url) as response:
                return await response.json()

        return await asyncio.gather(*(fetch(url) for url in urls))
