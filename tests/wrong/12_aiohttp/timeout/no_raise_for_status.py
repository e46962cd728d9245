"""Wrong: never checks the status: a 500 page is returned as if it were the data."""

import aiohttp

EXPECT = "raise_for_status"


async def fetch_with_timeout(session, url, total):
    try:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=total)) as response:
            return await response.json()
    except TimeoutError:
        return None
