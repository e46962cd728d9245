"""Wrong: turns every error into None, so a refused connection looks like a timeout."""

import aiohttp

EXPECT = "only the timeout should become None"


async def fetch_with_timeout(session, url, total):
    try:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=total)) as response:
            return await response.json()
    except Exception:
        return None
