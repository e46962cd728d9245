"""Wrong: sleeps after every failure, the last one too, before raising."""

import asyncio
import random

import aiohttp

EXPECT = "waited again after the last try"


async def get_with_retry(session, url, *, tries=5, base=0.5, cap=8.0, rng=random.random):
    last = None
    for attempt in range(tries):
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.json()
        except aiohttp.ClientResponseError as error:
            if error.status != 429 and error.status < 500:
                raise
            last = error
            after = error.headers.get("Retry-After") if error.headers else None
            delay = float(after) if after else rng() * min(cap, base * 2**attempt)
        except aiohttp.ClientConnectionError as error:
            last = error
            delay = rng() * min(cap, base * 2**attempt)
        await asyncio.sleep(delay)
    raise last
