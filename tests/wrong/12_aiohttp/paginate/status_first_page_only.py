"""Wrong: checks the status of the first page only.

The first GET calls raise_for_status, the ones for the `next` pages do not: an error on a
later page is read as JSON (an HTML error page fails to decode) instead of raising its status.
"""

EXPECT = "check the status of every page, not only the first"


async def iter_items(session, url):
    async with session.get(url) as resp:
        resp.raise_for_status()
        page = await resp.json()
    while True:
        for item in page["items"]:
            yield item
        url = page.get("next")
        if not url:
            return
        async with session.get(url) as resp:
            page = await resp.json()
