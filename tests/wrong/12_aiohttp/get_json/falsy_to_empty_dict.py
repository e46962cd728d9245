"""Wrong: `return await response.json() or {}`: a JSON body of null, [], 0, false or "" comes back
as {}.
"""

import aiohttp

EXPECT = "turns every falsy body"


async def get_json(session: aiohttp.ClientSession, url: str) -> dict:
    async with session.get(url) as response:
        response.raise_for_status()
        return await response.json() or {}  # never hand back None
