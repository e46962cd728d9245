"""Wrong: raises for 5xx only, so a 404 or 401 error page is returned as data."""

EXPECT = "for a 404 response; a 4xx or 5xx response must raise"


async def get_json(session, url):
    async with session.get(url) as response:
        if response.status >= 500:
            response.raise_for_status()
        return await response.json()
