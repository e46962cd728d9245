"""Wrong: raises for any status but 200: a page answered 203 (or 201) is treated as an error."""

from collections.abc import AsyncIterator
from typing import Any

import aiohttp

EXPECT = "only an error status (4xx, 5xx) raises"


async def iter_items(session: aiohttp.ClientSession, url: str) -> AsyncIterator[dict[str, Any]]:
    next_url: str | None = url
    while next_url:
        async with session.get(next_url) as resp:
            if resp.status != 200:
                raise aiohttp.ClientResponseError(
                    resp.request_info, resp.history, status=resp.status, message=resp.reason or ""
                )
            page = await resp.json()
        for item in page["items"]:
            yield item
        next_url = page.get("next")
