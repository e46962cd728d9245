"""Wrong: turns a body that is not JSON into None as well as the timeout."""

import json

import aiohttp

EXPECT = "a bad body must raise"


async def fetch_with_timeout(session, url, total):
    try:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=total)) as response:
            response.raise_for_status()
            return await response.json()
    except (TimeoutError, aiohttp.ContentTypeError, json.JSONDecodeError):
        # too slow, or no usable JSON came back: no answer
        return None
