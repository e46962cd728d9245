"""Wrong: tries again once after a timeout before giving up: a slow server keeps it 2 * total
seconds and gets the request twice."""

import aiohttp

EXPECT = "do not try again"


async def fetch_with_timeout(session: aiohttp.ClientSession, url: str, total: float) -> dict | None:
    timeout = aiohttp.ClientTimeout(total=total)
    for _ in range(2):  # one more chance: the server may have been busy for a moment
        try:
            async with session.get(url, timeout=timeout) as response:
                response.raise_for_status()
                return await response.json()
        except TimeoutError:
            continue
    return None
