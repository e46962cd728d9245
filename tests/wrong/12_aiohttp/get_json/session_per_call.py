"""Wrong: opens a new ClientSession for every call instead of using the one passed in."""

import aiohttp

EXPECT = "new ClientSession"


async def get_json(session, url):
    async with aiohttp.ClientSession() as own, own.get(url) as response:
        response.raise_for_status()
        return await response.json()
