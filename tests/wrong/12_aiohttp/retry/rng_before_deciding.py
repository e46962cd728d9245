"""Wrong: draws rng() before deciding whether to wait, so a 404 (or the last try) calls it too."""

import asyncio
import random

import aiohttp

EXPECT = "though no wait followed"


async def get_with_retry(session, url, *, tries=5, base=0.5, cap=8.0, rng=random.random):
    for attempt in range(tries):
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.json()
        except (aiohttp.ClientResponseError, aiohttp.ClientConnectionError) as error:
            # work out the wait first
            headers = getattr(error, "headers", None) or {}
            ra = headers.get("Retry-After")
            delay = float(ra) if ra and ra.isdigit() else rng() * min(cap, base * 2**attempt)
            status = getattr(error, "status", None)
            retryable = status is None or status == 429 or status >= 500
            if not retryable or attempt == tries - 1:
                raise
        await asyncio.sleep(delay)
