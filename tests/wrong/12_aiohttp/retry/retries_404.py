"""Wrong: retries every error status, 404 included."""

import asyncio
import random

import aiohttp

EXPECT = "must not be retried"


async def get_with_retry(session, url, *, tries=5, base=0.5, cap=8.0, rng=random.random):
    for attempt in range(tries):
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.json()
        except aiohttp.ClientError as error:
            if attempt == tries - 1:
                raise
            after = getattr(error, "headers", None) and error.headers.get("Retry-After")
            delay = float(after) if after else rng() * min(cap, base * 2**attempt)
        await asyncio.sleep(delay)
