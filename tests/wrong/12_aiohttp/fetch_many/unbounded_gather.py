"""Wrong: gathers every request at once, with no bound on how many are in flight."""

import asyncio

import aiohttp

EXPECT = "had 12 requests in flight at once; at most 5"


async def fetch_many(urls, limit=5):
    async with aiohttp.ClientSession() as session:

        async def fetch(url):
            async with session.get(url) as response:
                return await response.json()

        return await asyncio.gather(*(fetch(url) for url in urls))
