"""Wrong: never checks the status, so a 404 error page comes back as if it were data."""

EXPECT = "must raise aiohttp.ClientResponseError"


async def get_json(session, url):
    async with session.get(url) as response:
        return await response.json()
