"""Wrong: starts fetching the next page before yielding this page's items (not lazy)."""

import asyncio

EXPECT = "do not prefetch"


async def _page(session, url):
    async with session.get(url) as resp:
        resp.raise_for_status()
        return await resp.json()


async def iter_items(session, url):
    page = await _page(session, url)
    while True:
        next_url = page.get("next")
        ahead = asyncio.create_task(_page(session, next_url)) if next_url else None
        try:
            for item in page["items"]:
                yield item
        except GeneratorExit:
            if ahead is not None:
                ahead.cancel()
            raise
        if ahead is None:
            return
        page = await ahead
