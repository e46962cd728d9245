"""Wrong: reads the body after the `async with session.get(...)` block has released the response."""

import asyncio

import aiohttp

EXPECT = "was a body read after its"


async def fetch_many(urls, limit=5):
    semaphore = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession() as session:

        async def fetch(url):
            async with semaphore:
                async with session.get(url) as response:
                    response.raise_for_status()
                return await response.json()

        return await asyncio.gather(*(fetch(url) for url in urls))
