"""Wrong: reads the body without checking the status."""

EXPECT = "raise_for_status"


async def iter_items(session, url):
    while url:
        async with session.get(url) as resp:
            page = await resp.json()
        for item in page.get("items", []):
            yield item
        url = page.get("next")
