"""Correct in another style: yield this page's items, then delegate to a generator of the
rest of the pages (recursion), closed with aclosing."""

import contextlib
from collections.abc import AsyncIterator
from typing import Any

import aiohttp


async def iter_items(session: aiohttp.ClientSession, url: str) -> AsyncIterator[dict[str, Any]]:
    """Yield every item of every page, fetching the next page only when needed."""
    async with session.get(url) as resp:
        resp.raise_for_status()
        page = await resp.json()
    for item in page["items"]:
        yield item
    if nxt := page.get("next"):
        async with contextlib.aclosing(iter_items(session, nxt)) as rest:
            async for item in rest:
                yield item
