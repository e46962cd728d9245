"""Wrong: reads the JSON body after the `async with session.get(...)` block has released the
response."""

import aiohttp

EXPECT = "was the body read after the"


async def fetch_with_timeout(session, url, total):
    try:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=total)) as response:
            response.raise_for_status()
        return await response.json()
    except TimeoutError:
        return None
