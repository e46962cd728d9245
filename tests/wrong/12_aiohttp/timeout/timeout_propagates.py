"""Wrong: sets the timeout but lets TimeoutError escape instead of returning None."""

import aiohttp

EXPECT = "return None instead"


async def fetch_with_timeout(session, url, total):
    async with session.get(url, timeout=aiohttp.ClientTimeout(total=total)) as response:
        return await response.json()
