"""Wrong: sock_read bounds each wait for data, not the whole request."""

import aiohttp

EXPECT = "sock_read"


async def fetch_with_timeout(session, url, total):
    timeout = aiohttp.ClientTimeout(sock_connect=total, sock_read=total)
    try:
        async with session.get(url, timeout=timeout) as response:
            response.raise_for_status()
            return await response.json()
    except TimeoutError:
        return None
