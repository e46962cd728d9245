"""Wrong: adds sock_read=total / 2 beside total "for the body", so an answer that waits more than half of total in one go is given up on, though the whole request fits in total."""

import aiohttp

EXPECT = "give up only when the whole request takes longer than"


async def fetch_with_timeout(session: aiohttp.ClientSession, url: str, total: float) -> dict | None:
    """GET ``url``; return its JSON body, or None if it takes more than ``total`` seconds."""
    # `total` bounds the whole request, reading the body included (connect= alone would
    # let a slow server keep us waiting after the connection is made).
    timeout = aiohttp.ClientTimeout(total=total, sock_read=total / 2)
    try:
        async with session.get(url, timeout=timeout) as response:
            response.raise_for_status()
            return await response.json()
    except TimeoutError:  # asyncio.TimeoutError is TimeoutError on Python 3.11+
        # Only the timeout means "no answer"; every other error propagates.
        return None
