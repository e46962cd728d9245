"""Wrong: relies on TCPConnector(limit=...) alone, which caps connections, not requests."""

import asyncio

import aiohttp

EXPECT = "the grader's mock bypasses the connector"


async def fetch_many(urls, limit=5):
    connector = aiohttp.TCPConnector(limit=limit)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def fetch(url):
            async with session.get(url) as response:
                return await response.json()

        return await asyncio.gather(*(fetch(url) for url in urls))
