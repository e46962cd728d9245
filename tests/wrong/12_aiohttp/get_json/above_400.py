"""Wrong: `status > 400` where `>= 400` belongs: a 400 Bad Request comes back as data."""

import aiohttp

EXPECT = "400 itself is an error"


async def get_json(session, url):
    async with session.get(url) as response:
        if response.status > 400:
            raise aiohttp.ClientResponseError(
                response.request_info, response.history, status=response.status
            )
        return await response.json()
