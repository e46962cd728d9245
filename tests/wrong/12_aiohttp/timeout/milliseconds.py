"""Wrong: treats `total` as milliseconds, so every request times out at once."""

import aiohttp

EXPECT = "seconds, as ClientTimeout expects"


async def fetch_with_timeout(session, url, total):
    try:
        timeout = aiohttp.ClientTimeout(total=total / 1000)
        async with session.get(url, timeout=timeout) as response:
            return await response.json()
    except TimeoutError:
        return None
