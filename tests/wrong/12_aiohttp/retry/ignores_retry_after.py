"""Wrong: always uses the jittered backoff, even when the server says Retry-After."""

import asyncio
import random

import aiohttp

EXPECT = "ignored the Retry-After header"


async def get_with_retry(session, url, *, tries=5, base=0.5, cap=8.0, rng=random.random):
    for attempt in range(tries):
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.json()
        except aiohttp.ClientResponseError as error:
            if (error.status != 429 and error.status < 500) or attempt == tries - 1:
                raise
        except aiohttp.ClientConnectionError:
            if attempt == tries - 1:
                raise
        await asyncio.sleep(rng() * min(cap, base * 2**attempt))
