"""Wrong: turns an error status into an empty dict instead of raising."""

import aiohttp

EXPECT = "must raise aiohttp.ClientResponseError"


async def get_json(session, url):
    async with session.get(url) as response:
        try:
            response.raise_for_status()
        except aiohttp.ClientResponseError:
            return {}
        return await response.json()
