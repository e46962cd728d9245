"""Wrong: also turns asyncio.CancelledError into None ("a timeout cancels the request"): the
caller's own cancellation or timeout is swallowed."""

import asyncio

import aiohttp

EXPECT = "it swallowed the CancelledError"


async def fetch_with_timeout(session: aiohttp.ClientSession, url: str, total: float) -> dict | None:
    timeout = aiohttp.ClientTimeout(total=total)
    try:
        async with session.get(url, timeout=timeout) as response:
            response.raise_for_status()
            return await response.json()
    except (TimeoutError, asyncio.CancelledError):  # timeouts work by cancelling
        return None
