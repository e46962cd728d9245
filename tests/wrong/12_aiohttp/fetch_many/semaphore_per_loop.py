"""Wrong: one semaphore per event loop, made on first use with that call's limit: a second
call on the same loop is bound by the first call's limit."""

import asyncio

import aiohttp

EXPECT = "each call has its own limit"

_semaphores = {}


async def fetch_many(urls, limit=5):
    loop = asyncio.get_running_loop()
    if loop not in _semaphores:
        _semaphores[loop] = asyncio.Semaphore(limit)
    semaphore = _semaphores[loop]
    async with aiohttp.ClientSession() as session:

        async def fetch(url):
            async with semaphore, session.get(url) as response:
                response.raise_for_status()
                return await response.json()

        return await asyncio.gather(*(fetch(url) for url in urls))
