"""Wrong: counts `attempt` only over the jittered waits, so a Retry-After wait does not move the
backoff on: after a Retry-After, the next ceiling is the one before it."""

import asyncio
import random

import aiohttp

EXPECT = "did not count a Retry-After wait as a retry"


async def get_with_retry(session, url, *, tries=5, base=0.5, cap=8.0, rng=random.random):
    backoffs = 0
    for n in range(tries):
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.json()
        except aiohttp.ClientResponseError as error:
            if error.status != 429 and error.status < 500:
                raise
            if n == tries - 1:
                raise
            after = (error.headers or {}).get("Retry-After", "")
            if after.isdigit():
                await asyncio.sleep(int(after))
                continue
        except aiohttp.ClientConnectionError:
            if n == tries - 1:
                raise
        await asyncio.sleep(rng() * min(cap, base * 2**backoffs))
        backoffs += 1
