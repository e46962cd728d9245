"""Wrong: closes the session with a plain `await session.close()` after the requests.

When a request raises (an error status), the close line is never reached and the session
(with its connection pool) is left open. `async with aiohttp.ClientSession()` closes it
however the block ends.
"""

import asyncio

import aiohttp

EXPECT = "left its ClientSession open: a `session.close()` after the requests never runs"


async def fetch_many(urls, limit=5):
    semaphore = asyncio.Semaphore(limit)
    session = aiohttp.ClientSession()

    async def fetch(url):
        async with semaphore, session.get(url) as response:
            response.raise_for_status()
            return await response.json()

    results = await asyncio.gather(*(fetch(url) for url in urls))
    await session.close()
    return results
