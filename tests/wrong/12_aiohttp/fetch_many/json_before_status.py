"""Wrong: decodes the JSON body before checking the status: an error page that is not valid JSON
raises a JSONDecodeError, not ClientResponseError.
"""

import asyncio

import aiohttp

EXPECT = "it decoded the error page as JSON before checking the status"


async def fetch_many(urls: list[str], limit: int = 5) -> list[dict]:
    semaphore = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession() as session:

        async def fetch(url: str) -> dict:
            async with semaphore, session.get(url) as response:
                body = await response.json()
                response.raise_for_status()
                return body

        return await asyncio.gather(*(fetch(url) for url in urls))
