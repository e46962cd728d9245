"""Wrong: a "safety" cap of 100 pages: a longer listing silently stops after page 100."""

from collections.abc import AsyncIterator
from typing import Any

import aiohttp

EXPECT = "stopped after 100 pages"

MAX_PAGES = 100  # guard against a server that never ends


async def iter_items(session: aiohttp.ClientSession, url: str) -> AsyncIterator[dict[str, Any]]:
    next_url: str | None = url
    for _ in range(MAX_PAGES):
        if not next_url:
            return
        async with session.get(next_url) as resp:
            resp.raise_for_status()
            page = await resp.json()
        for item in page["items"]:
            yield item
        next_url = page.get("next")
