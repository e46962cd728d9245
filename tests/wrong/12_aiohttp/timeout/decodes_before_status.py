"""Wrong: decodes the body before calling raise_for_status.

An error page is often HTML: decoding it first raises a JSON error, and the caller never gets
the ClientResponseError that says which status came back.
"""

import aiohttp

EXPECT = "decoded the body before checking the status"


async def fetch_with_timeout(session, url, total):
    try:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=total)) as response:
            data = await response.json(content_type=None)
            response.raise_for_status()
            return data
    except TimeoutError:
        return None
