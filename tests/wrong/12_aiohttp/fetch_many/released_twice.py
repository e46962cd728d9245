"""Wrong: releases the semaphore twice per request, so more and more requests get in."""

import asyncio

import aiohttp

EXPECT = "releasing it more often than you acquire it"


async def fetch_many(urls, limit=5):
    semaphore = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession() as session:

        async def fetch(url):
            await semaphore.acquire()
            try:
                async with session.get(url) as response:
                    body = await response.json()
                semaphore.release()
                return body
            finally:
                semaphore.release()

        return await asyncio.gather(*(fetch(url) for url in urls))
