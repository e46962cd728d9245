"""Wrong: fetches every page into a list first, then yields: not lazy."""

EXPECT = "made 3 requests; expected exactly 1"


async def iter_items(session, url):
    items = []
    while url:
        async with session.get(url) as resp:
            resp.raise_for_status()
            page = await resp.json()
        items.extend(page["items"])
        url = page.get("next")
    for item in items:
        yield item
