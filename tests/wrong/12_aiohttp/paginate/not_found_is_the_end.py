"""Wrong: treats a 404 as the end of the pages and stops quietly."""

EXPECT = "as if the pages had ended"


async def iter_items(session, url):
    next_url = url
    while next_url:
        async with session.get(next_url) as resp:
            if resp.status == 404:
                return  # past the last page: nothing more to read
            resp.raise_for_status()
            page = await resp.json()
        for item in page["items"]:
            yield item
        next_url = page.get("next")
