"""Wrong: raises a home-made RuntimeError instead of aiohttp.ClientResponseError."""

EXPECT = "expected aiohttp.ClientResponseError"


async def get_json(session, url):
    async with session.get(url) as response:
        if response.status >= 400:
            raise RuntimeError(f"HTTP {response.status}")
        return await response.json()
