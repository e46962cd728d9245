"""Wrong: raises only a 4xx response error and retries every other one, so a 200 with a body that is not JSON (ContentTypeError, status 200) is retried."""

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
        except (aiohttp.ClientResponseError, aiohttp.ClientConnectionError) as error:
            client_error = isinstance(error, aiohttp.ClientResponseError) and 400 <= error.status < 500
            if (client_error and error.status != 429) or attempt == tries - 1:
                raise
            ra = (getattr(error, "headers", None) or {}).get("Retry-After", "")
            delay = float(ra) if ra.isdigit() else rng() * min(cap, base * 2**attempt)
        await asyncio.sleep(delay)
