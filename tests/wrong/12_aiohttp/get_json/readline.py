"""Wrong: reads the body with `response.content.readline()`: a pretty-printed (multi-line) JSON
body is cut at its first line.
"""

import json

import aiohttp

EXPECT = "it decoded only part of the body (its first line"


async def get_json(session: aiohttp.ClientSession, url: str) -> dict:
    async with session.get(url) as response:
        response.raise_for_status()
        line = await response.content.readline()
        return json.loads(line.decode("utf-8"))
