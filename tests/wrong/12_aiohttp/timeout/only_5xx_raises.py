"""Wrong: raises only on a 5xx status: a 4xx error page's JSON body is returned as the data."""

import aiohttp

EXPECT = "for 4xx and 5xx alike"


async def fetch_with_timeout(session: aiohttp.ClientSession, url: str, total: float) -> dict | None:
    timeout = aiohttp.ClientTimeout(total=total)
    try:
        async with session.get(url, timeout=timeout) as response:
            if response.status >= 500:  # the server failed
                response.raise_for_status()
            return await response.json()
    except TimeoutError:
        return None
