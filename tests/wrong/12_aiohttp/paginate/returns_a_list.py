"""Wrong: an `async def` returning a list, not an async generator."""

EXPECT = "is an `async def` function"


async def iter_items(session, url):
    items = []
    while url:
        async with session.get(url) as resp:
            page = await resp.json()
        items.extend(page["items"])
        url = page.get("next")
    return items
