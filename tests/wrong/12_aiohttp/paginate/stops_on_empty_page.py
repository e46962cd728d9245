"""Wrong: takes an empty page for the end, though it still has a `next`."""

EXPECT = "empty page is not the end"


async def iter_items(session, url):
    while url:
        async with session.get(url) as resp:
            resp.raise_for_status()
            page = await resp.json()
        if not page["items"]:
            return
        for item in page["items"]:
            yield item
        url = page.get("next")
