"""Wrong: never calls raise_for_status(): an error page is returned as if it were the data."""

import asyncio
import random

import aiohttp

EXPECT = "raise_for_status"


async def get_with_retry(session, url, *, tries=5, base=0.5, cap=8.0, rng=random.random):
    for attempt in range(tries):
        try:
            async with session.get(url) as response:
                return await response.json()
        except aiohttp.ClientConnectionError:
            if attempt == tries - 1:
                raise
        await asyncio.sleep(rng() * min(cap, base * 2**attempt))
