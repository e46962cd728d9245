"""Wrong: a 404 gives None ("no answer") instead of raising ClientResponseError."""

import aiohttp

EXPECT = "returned None for a 404 answer"


async def fetch_with_timeout(session: aiohttp.ClientSession, url: str, total: float) -> dict | None:
    timeout = aiohttp.ClientTimeout(total=total)
    try:
        async with session.get(url, timeout=timeout) as response:
            if response.status == 404:
                return None
            response.raise_for_status()
            return await response.json()
    except TimeoutError:
        return None
