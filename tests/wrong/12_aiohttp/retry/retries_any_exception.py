"""Wrong: retries every exception but a 4xx, so a 200 whose body is not JSON is asked for again and again."""

import asyncio
import random

import aiohttp

EXPECT = "is not a failure to retry"


async def get_with_retry(session, url, *, tries=5, base=0.5, cap=8.0, rng=random.random):
    for attempt in range(tries):
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.json()
        except Exception as error:
            status = getattr(error, "status", None)
            if (status is not None and 400 <= status < 500 and status != 429) or attempt == tries - 1:
                raise
            ra = (getattr(error, "headers", None) or {}).get("Retry-After", "")
            delay = float(ra) if ra.isdigit() else rng() * min(cap, base * 2**attempt)
        await asyncio.sleep(delay)
