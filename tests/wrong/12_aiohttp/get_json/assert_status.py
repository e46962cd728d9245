"""Wrong: asserts the status: an AssertionError is not the ClientResponseError callers catch."""

EXPECT = "expected aiohttp.ClientResponseError"


async def get_json(session, url):
    async with session.get(url) as response:
        assert response.status < 400, f"HTTP {response.status}"
        return await response.json()
