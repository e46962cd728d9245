"""Wrong: memoises bodies by URL in a module dict: a second call sends no GET and returns a stale
body.
"""

import aiohttp

EXPECT = "the first body again"

_cache: dict[str, dict] = {}


async def get_json(session: aiohttp.ClientSession, url: str) -> dict:
    if url in _cache:
        return _cache[url]
    async with session.get(url) as response:
        response.raise_for_status()
        body = await response.json()
    _cache[url] = body
    return body
