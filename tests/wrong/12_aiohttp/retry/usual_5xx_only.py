"""Wrong: retries only the usual 5xx (500, 502, 503, 504) and 429; a 501 or 520 is raised at once."""

import asyncio
import random

import aiohttp

EXPECT = "Retry 5xx, 429"


RETRY_STATUSES = {429, 500, 502, 503, 504}


async def get_with_retry(session, url, *, tries=5, base=0.5, cap=8.0, rng=random.random):
    for attempt in range(tries):
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.json()
        except aiohttp.ClientResponseError as error:
            if error.status not in RETRY_STATUSES or attempt == tries - 1:
                raise
            ra = (error.headers or {}).get("Retry-After")
            delay = float(ra) if ra and ra.isdigit() else rng() * min(cap, base * 2**attempt)
        except aiohttp.ClientConnectionError:
            if attempt == tries - 1:
                raise
            delay = rng() * min(cap, base * 2**attempt)
        await asyncio.sleep(delay)
