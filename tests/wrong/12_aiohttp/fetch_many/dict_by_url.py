"""Wrong: keeps the results in a dict keyed by URL: a URL listed twice comes back once."""

import asyncio

import aiohttp

EXPECT = "duplicates included"


async def fetch_many(urls, limit=5):
    semaphore = asyncio.Semaphore(limit)
    results = dict.fromkeys(urls)  # in input order
    async with aiohttp.ClientSession() as session:

        async def fetch(url):
            async with semaphore, session.get(url) as response:
                results[url] = await response.json()

        await asyncio.gather(*(fetch(url) for url in urls))
    return list(results.values())
