"""Wrong: ClientTimeout(connect=...) bounds only connecting, not waiting for the answer."""

import aiohttp

EXPECT = "only bound connecting"


async def fetch_with_timeout(session, url, total):
    try:
        async with session.get(url, timeout=aiohttp.ClientTimeout(connect=total)) as response:
            return await response.json()
    except TimeoutError:
        return None
