"""Wrong: retries a dropped connection (ServerConnectionError) but not a refused one (ClientConnectorError), which is a connection error too."""

import asyncio
import random

import aiohttp

EXPECT = "raised ClientConnectorError"


async def get_with_retry(session, url, *, tries=5, base=0.5, cap=8.0, rng=random.random):
    for attempt in range(tries):
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.json()
        except (aiohttp.ClientResponseError, aiohttp.ServerConnectionError) as error:
            if isinstance(error, aiohttp.ClientResponseError) and error.status != 429 and error.status < 500:
                raise
            if attempt == tries - 1:
                raise
            ra = (getattr(error, "headers", None) or {}).get("Retry-After", "")
            delay = float(ra) if ra.isdigit() else rng() * min(cap, base * 2**attempt)
        await asyncio.sleep(delay)
