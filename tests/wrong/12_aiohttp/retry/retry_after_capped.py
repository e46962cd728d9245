"""Wrong: waits min(cap, Retry-After): a server asking 30 s is retried after 8."""

import asyncio
import random

import aiohttp

EXPECT = "cut the Retry-After wait down to `cap`"


async def get_with_retry(session, url, *, tries=5, base=0.5, cap=8.0, rng=random.random):
    for attempt in range(tries):
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.json()
        except aiohttp.ClientResponseError as error:
            if not (error.status == 429 or error.status >= 500) or attempt == tries - 1:
                raise
            ra = (error.headers or {}).get("Retry-After")
            if ra and ra.isdigit():
                delay = min(cap, float(ra))  # never wait longer than cap
            else:
                delay = rng() * min(cap, base * 2**attempt)
        except aiohttp.ClientConnectionError:
            if attempt == tries - 1:
                raise
            delay = rng() * min(cap, base * 2**attempt)
        await asyncio.sleep(delay)
