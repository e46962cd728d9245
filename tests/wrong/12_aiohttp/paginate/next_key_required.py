"""Wrong: reads page["next"], so a last page without a `next` key raises KeyError."""

EXPECT = "KeyError"


async def iter_items(session, url):
    while url:
        async with session.get(url) as resp:
            resp.raise_for_status()
            page = await resp.json()
        for item in page["items"]:
            yield item
        url = page["next"]
