"""Wrong: raises for any status but 200, so a 201 or 203 with a JSON body is an error."""

import asyncio

import aiohttp

EXPECT = "only an error status (4xx, 5xx) raises"


async def fetch_many(urls, limit=5):
    semaphore = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession() as session:

        async def fetch(url):
            async with semaphore:
                async with session.get(url) as response:
                    if response.status != 200:
                        raise aiohttp.ClientResponseError(
                            response.request_info,
                            response.history,
                            status=response.status,
                            message=response.reason or "",
                            headers=response.headers,
                        )
                    return await response.json()

        return await asyncio.gather(*(fetch(url) for url in urls))
