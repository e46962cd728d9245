"""Wrong: a 504 Gateway Timeout (or 408) answer is taken for a timeout and gives None."""

import aiohttp

EXPECT = "a 504 is an error status like any other"


async def fetch_with_timeout(session: aiohttp.ClientSession, url: str, total: float) -> dict | None:
    """GET ``url``; return its JSON body, or None if it takes more than ``total`` seconds."""
    # `total` bounds the whole request, reading the body included (connect= alone would
    # let a slow server keep us waiting after the connection is made).
    timeout = aiohttp.ClientTimeout(total=total)
    try:
        async with session.get(url, timeout=timeout) as response:
            if response.status in (408, 504):
                return None  # the server timed out
            response.raise_for_status()
            return await response.json()
    except TimeoutError:  # asyncio.TimeoutError is TimeoutError on Python 3.11+
        # Only the timeout means "no answer"; every other error propagates.
        return None
