"""Wrong: a body cut short (aiohttp.ClientPayloadError) is taken for a timeout too ("the answer
never came in full") and gives None, though only the timeout may."""

import aiohttp

EXPECT = "a bad body is no timeout"


async def fetch_with_timeout(session: aiohttp.ClientSession, url: str, total: float) -> dict | None:
    """GET ``url``; return its JSON body, or None if it takes more than ``total`` seconds."""
    # `total` bounds the whole request, reading the body included (connect= alone would
    # let a slow server keep us waiting after the connection is made).
    timeout = aiohttp.ClientTimeout(total=total)
    try:
        async with session.get(url, timeout=timeout) as response:
            response.raise_for_status()
            return await response.json()
    except (TimeoutError, aiohttp.ClientPayloadError):
        # Only the timeout means "no answer"; every other error propagates.
        return None
