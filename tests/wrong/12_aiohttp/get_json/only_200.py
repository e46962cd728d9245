"""Wrong: treats every status but 200 as an error."""

import aiohttp

EXPECT = "only 4xx and 5xx are errors"


async def get_json(session, url):
    async with session.get(url) as response:
        if response.status != 200:
            raise aiohttp.ClientResponseError(
                response.request_info, response.history, status=response.status
            )
        return await response.json()
