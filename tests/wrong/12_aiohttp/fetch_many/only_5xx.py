"""Wrong: raises only on a server error (5xx): a 4xx error page is decoded and returned as a
result.
"""

import asyncio

import aiohttp

EXPECT = "a 4xx is an error status too"


async def fetch_many(urls: list[str], limit: int = 5) -> list[dict]:
    semaphore = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession() as session:

        async def fetch(url: str) -> dict:
            async with semaphore, session.get(url) as response:
                if response.status >= 500:
                    response.raise_for_status()
                return await response.json(content_type=None)

        return await asyncio.gather(*(fetch(url) for url in urls))
