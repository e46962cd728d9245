"""Wrong: gives the headers `total` seconds and then the body another `total` seconds (two
timeouts one after the other), so the whole request may take twice `total`."""

import asyncio

import aiohttp

EXPECT = "not a fresh `total` for each step"


async def fetch_with_timeout(session, url, total):
    try:
        async with asyncio.timeout(total):
            response = await session.get(url)
        async with response:
            response.raise_for_status()
            async with asyncio.timeout(total):
                return await response.json()
    except TimeoutError:
        return None
