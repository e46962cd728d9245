"""Wrong: never sets a timeout, so a slow server keeps it waiting."""

EXPECT = "pass `timeout=aiohttp.ClientTimeout(total=total)`"


async def fetch_with_timeout(session, url, total):
    async with session.get(url) as response:
        return await response.json()
