"""Wrong: returns None after the last try instead of raising the last error."""

import asyncio
import random

import aiohttp

EXPECT = "raise the last error itself"


async def get_with_retry(session, url, *, tries=5, base=0.5, cap=8.0, rng=random.random):
    for attempt in range(tries):
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.json()
        except aiohttp.ClientResponseError as error:
            if error.status != 429 and error.status < 500:
                raise
            if attempt == tries - 1:
                return None
            after = error.headers.get("Retry-After") if error.headers else None
            delay = float(after) if after else rng() * min(cap, base * 2**attempt)
        except aiohttp.ClientConnectionError:
            if attempt == tries - 1:
                return None
            delay = rng() * min(cap, base * 2**attempt)
        await asyncio.sleep(delay)
