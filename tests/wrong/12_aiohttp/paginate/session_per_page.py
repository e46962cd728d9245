"""Wrong: opens a new ClientSession for every page instead of using the one given."""

import aiohttp

EXPECT = "use the session you are given"


async def iter_items(session, url):
    while url:
        async with aiohttp.ClientSession() as own, own.get(url) as resp:
            resp.raise_for_status()
            page = await resp.json()
        for item in page["items"]:
            yield item
        url = page.get("next")
