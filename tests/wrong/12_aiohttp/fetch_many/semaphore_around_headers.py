"""Wrong: holds the semaphore only around session.get(): the bodies are read after the slot is freed, so more than limit responses are in flight."""

import asyncio

import aiohttp

EXPECT = "responses being sent at once"


async def fetch_many(urls, limit=5):
    semaphore = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession() as session:

        async def fetch(url):
            async with semaphore:  # only `limit` requests sent at a time
                response = await session.get(url)
            try:
                response.raise_for_status()
                return await response.json()
            finally:
                response.release()

        return await asyncio.gather(*(fetch(url) for url in urls))
