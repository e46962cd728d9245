"""Wrong: the ceiling keeps doubling: `cap` is never applied."""

import asyncio
import random

import aiohttp

EXPECT = "never capped"


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
            headers = getattr(error, "headers", None) or {}
            if "Retry-After" in headers:
                delay = float(headers["Retry-After"])
            else:
                delay = rng() * base * 2**attempt
        await asyncio.sleep(delay)
