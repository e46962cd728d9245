"""Wrong: decodes what one `response.content.readany()` returns, which is only what has arrived so
far: a body in several packets fails to decode.
"""

import json

import aiohttp

EXPECT = "it decoded only part of the body (the first packet"


async def get_json(session: aiohttp.ClientSession, url: str) -> dict:
    async with session.get(url) as response:
        response.raise_for_status()
        raw = await response.content.readany()
        return json.loads(raw.decode("utf-8"))
