"""Wrong: draws the jittered delay before looking at Retry-After, so rng() is called for
every wait and the seeded schedule shifts."""

import asyncio
import random

import aiohttp

EXPECT = "it called rng() for a wait that Retry-After decided"


async def get_with_retry(session, url, *, tries=5, base=0.5, cap=8.0, rng=random.random):
    for attempt in range(tries):
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.json()
        except (aiohttp.ClientResponseError, aiohttp.ClientConnectionError) as error:
            status = getattr(error, "status", None)
            if status is not None and status != 429 and status < 500:
                raise
            if attempt == tries - 1:
                raise
            delay = rng() * min(cap, base * 2**attempt)
            headers = getattr(error, "headers", None) or {}
            if "Retry-After" in headers:
                delay = float(headers["Retry-After"])
        await asyncio.sleep(delay)
