"""Wrong: fetches in batches of `limit`; each batch waits for its slowest request."""

import asyncio

import aiohttp

EXPECT = "batches of `limit`"


async def fetch_many(urls, limit=5):
    results = []
    async with aiohttp.ClientSession() as session:

        async def fetch(url):
            async with session.get(url) as response:
                return await response.json()

        for start in range(0, len(urls), limit):
            batch = urls[start : start + limit]
            results.extend(await asyncio.gather(*(fetch(url) for url in batch)))
    return results
