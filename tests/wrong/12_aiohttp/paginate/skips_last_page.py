"""Wrong: stops as soon as a page has no `next`, before yielding that last page's items."""

EXPECT = "the items yielded"


async def iter_items(session, url):
    while True:
        async with session.get(url) as resp:
            resp.raise_for_status()
            page = await resp.json()
        if not page.get("next"):
            return
        for item in page["items"]:
            yield item
        url = page["next"]
