"""Wrong: keeps requesting the first URL: `next` is read but never used."""

EXPECT = "went round in a circle"


async def iter_items(session, url):
    next_url = url
    while next_url:
        async with session.get(url) as resp:
            resp.raise_for_status()
            page = await resp.json()
        for item in page["items"]:
            yield item
        next_url = page.get("next")
