"""Wrong: catches aiohttp.ServerTimeoutError, but a `total` timeout raises plain TimeoutError."""

import aiohttp

EXPECT = "catching only aiohttp.ServerTimeoutError misses"


async def fetch_with_timeout(session, url, total):
    try:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=total)) as response:
            return await response.json()
    except aiohttp.ServerTimeoutError:
        return None
