"""Wrong: skips items it has already yielded (by id, "in case pages shift"): an item listed twice
is yielded once.
"""

from collections.abc import AsyncIterator
from typing import Any

import aiohttp

EXPECT = "once. Yield every item of every page"


async def iter_items(session: aiohttp.ClientSession, url: str) -> AsyncIterator[dict[str, Any]]:
    seen: set = set()
    next_url: str | None = url
    while next_url:
        async with session.get(next_url) as resp:
            resp.raise_for_status()
            page = await resp.json()
        for item in page["items"]:
            key = item.get("id", repr(item)) if isinstance(item, dict) else repr(item)
            if key in seen:
                continue
            seen.add(key)
            yield item
        next_url = page.get("next")
