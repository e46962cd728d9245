"""Wrong: opens a new ClientSession for every URL (bounded and ordered, but no shared pool)."""

import asyncio

import aiohttp

EXPECT = "open ONE session"


async def fetch_many(urls, limit=5):
    semaphore = asyncio.Semaphore(limit)

    async def fetch(url):
        async with semaphore, aiohttp.ClientSession() as session, session.get(url) as response:
            return await response.json()

    return await asyncio.gather(*(fetch(url) for url in urls))
