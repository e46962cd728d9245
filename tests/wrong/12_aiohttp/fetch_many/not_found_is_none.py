"""Wrong: a 404 gives None in the result instead of raising ClientResponseError (only other error
statuses raise).
"""

import asyncio

import aiohttp

EXPECT = "returned [None]: a 404 is an error status"


async def fetch_many(urls: list[str], limit: int = 5) -> list[dict]:
    semaphore = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession() as session:

        async def fetch(url: str) -> dict | None:
            async with semaphore, session.get(url) as response:
                if response.status == 404:
                    return None  # nothing there
                response.raise_for_status()
                return await response.json()

        return await asyncio.gather(*(fetch(url) for url in urls))
