"""Wrong: reads the body as JSON before checking the status: an HTML error page breaks it."""

EXPECT = "check the status first"


async def iter_items(session, url):
    while url:
        async with session.get(url) as resp:
            page = await resp.json()
            resp.raise_for_status()
        for item in page["items"]:
            yield item
        url = page.get("next")
