"""Wrong: a `Retry-After: 0` is taken as no header (0 is falsy), so it backs off with rng() instead of retrying at once."""

import asyncio
import random

import aiohttp

EXPECT = "is a whole number of seconds like any other"


async def get_with_retry(session, url, *, tries=5, base=0.5, cap=8.0, rng=random.random):
    for attempt in range(tries):
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.json()
        except aiohttp.ClientResponseError as error:
            if (error.status != 429 and error.status < 500) or attempt == tries - 1:
                raise
            ra = (error.headers or {}).get("Retry-After", "")
            seconds = int(ra) if ra.isdigit() else 0
            delay = seconds or rng() * min(cap, base * 2**attempt)
        except aiohttp.ClientConnectionError:
            if attempt == tries - 1:
                raise
            delay = rng() * min(cap, base * 2**attempt)
        await asyncio.sleep(delay)
