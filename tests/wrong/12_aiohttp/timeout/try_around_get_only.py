"""Wrong: catches the TimeoutError around `session.get(...)` only; reading the body comes after
the try, so a total that runs out while the body is read escapes as TimeoutError."""

import aiohttp

EXPECT = "raised TimeoutError when the time ran out"


async def fetch_with_timeout(session, url, total):
    try:
        response = await session.get(url, timeout=aiohttp.ClientTimeout(total=total))
    except TimeoutError:
        return None
    async with response:
        response.raise_for_status()
        return await response.json()
