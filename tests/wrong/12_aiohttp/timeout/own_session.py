"""Wrong: opens a session of its own (with the timeout) instead of using the one given."""

import aiohttp

EXPECT = "created a ClientSession of its own"


async def fetch_with_timeout(session, url, total):
    timeout = aiohttp.ClientTimeout(total=total)
    try:
        async with (
            aiohttp.ClientSession(timeout=timeout) as own,
            own.get(url) as response,
        ):
            response.raise_for_status()
            return await response.json()
    except TimeoutError:
        return None
