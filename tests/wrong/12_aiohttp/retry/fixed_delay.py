"""Wrong: waits the same `base` seconds before every retry."""

import asyncio
import random

import aiohttp

EXPECT = "same fixed delay"


async def get_with_retry(session, url, *, tries=5, base=0.5, cap=8.0, rng=random.random):
    for attempt in range(tries):
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.json()
        except aiohttp.ClientResponseError as error:
            if (error.status != 429 and error.status < 500) or attempt == tries - 1:
                raise
            after = error.headers.get("Retry-After") if error.headers else None
            delay = float(after) if after else base
        except aiohttp.ClientConnectionError:
            if attempt == tries - 1:
                raise
            delay = base
        await asyncio.sleep(delay)
