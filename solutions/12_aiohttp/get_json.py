"""GET some JSON: one request on a session you are given (reference solution)."""

import aiohttp


async def get_json(session: aiohttp.ClientSession, url: str) -> dict:
    """GET ``url`` with ``session``; raise on 4xx/5xx; return the decoded JSON body."""
    # The caller owns the session (and its connection pool): use it, never make one here.
    async with session.get(url) as response:
        # 4xx/5xx become aiohttp.ClientResponseError instead of an error page read as data.
        response.raise_for_status()
        # Read while the response is open: leaving the block releases the connection.
        return await response.json()
