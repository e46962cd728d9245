"""Wrong: one GET to check the status, a second GET to read the body."""

EXPECT = "get_json sent another request"


async def get_json(session, url):
    async with session.get(url) as response:
        response.raise_for_status()
    async with session.get(url) as response:
        return await response.json()
