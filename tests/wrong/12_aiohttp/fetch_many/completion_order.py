"""Wrong: collects results with as_completed, so they come back in completion order."""

import asyncio

import aiohttp

EXPECT = "order the responses arrived in"


async def fetch_many(urls, limit=5):
    semaphore = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession() as session:

        async def fetch(url):
            async with semaphore, session.get(url) as response:
                return await response.json()

        return [await done for done in asyncio.as_completed([fetch(url) for url in urls])]
