"""Wrong: reads the body after the `async with` block released the response."""

EXPECT = "after the `async with session.get(url) as response:` block ended"


async def get_json(session, url):
    async with session.get(url) as response:
        response.raise_for_status()
    return await response.json()
