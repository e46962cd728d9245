"""Wrong: adds a second of grace to the timeout."""

import aiohttp

EXPECT = "nothing added"


async def fetch_with_timeout(session, url, total):
    try:
        timeout = aiohttp.ClientTimeout(total=total + 1)
        async with session.get(url, timeout=timeout) as response:
            response.raise_for_status()
            return await response.json()
    except TimeoutError:
        return None
