"""Wrong: `status > 400`: a 400 answer is taken as a page."""

import aiohttp

EXPECT = "400 itself is an error status"


async def iter_items(session, url):
    while url:
        async with session.get(url) as resp:
            if resp.status > 400:
                resp.raise_for_status()
            page = await resp.json()
        for item in page["items"]:
            yield item
        url = page.get("next")
