"""Correct in another style: raise_for_status=True on the request, and `yield` per page's items."""

from collections.abc import AsyncIterator
from typing import Any

import aiohttp


async def iter_items(session: aiohttp.ClientSession, url: str) -> AsyncIterator[dict[str, Any]]:
    page: dict[str, Any] = {"next": url}
    while (next_url := page.get("next")) is not None:
        async with session.get(next_url, raise_for_status=True) as resp:
            page = await resp.json()
        for item in page.get("items", []):
            yield item
