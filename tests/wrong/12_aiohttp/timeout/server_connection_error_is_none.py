"""Wrong: catches aiohttp.ServerConnectionError along with TimeoutError (for ServerTimeoutError): a
server that drops the connection gives None instead of raising."""

import aiohttp

EXPECT = "returned None for a server that closed the connection"


async def fetch_with_timeout(session: aiohttp.ClientSession, url: str, total: float) -> dict | None:
    timeout = aiohttp.ClientTimeout(total=total)
    try:
        async with session.get(url, timeout=timeout) as response:
            response.raise_for_status()
            return await response.json()
    except (TimeoutError, aiohttp.ServerConnectionError):  # ServerTimeoutError and friends
        return None
