"""Wrong: `async with session` closes the caller's session after one request."""

import aiohttp

EXPECT = "the session passed in was closed"


async def get_json(session, url):
    async with session, session.get(url) as response:
        response.raise_for_status()
        return await response.json()
