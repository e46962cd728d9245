"""Wrong: out of tries, raises the error of the FIRST failed request, kept from then on.

The docstring says: when the last one fails, raise its error. The first failure may be
another status, or a connection error, and tells the caller the wrong story.
"""

import asyncio
import random

import aiohttp

EXPECT = "raise the error of the last request"


async def get_with_retry(session, url, *, tries=5, base=0.5, cap=8.0, rng=random.random):
    first = None
    for n in range(tries):
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.json()
        except aiohttp.ClientResponseError as error:
            if not (error.status == 429 or error.status >= 500):
                raise
            first = first or error
            if n == tries - 1:
                raise first from error
            seconds = (error.headers or {}).get("Retry-After", "")
            if seconds.isdigit():
                await asyncio.sleep(int(seconds))
                continue
        except aiohttp.ClientConnectionError as error:
            first = first or error
            if n == tries - 1:
                raise first from error
        await asyncio.sleep(rng() * min(cap, base * 2**n))
