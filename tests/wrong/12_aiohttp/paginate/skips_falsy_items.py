"""Wrong: yields only the truthy items (`filter(None, page["items"])`), so an item that is {}, null, 0, false or "" is dropped."""

from collections.abc import AsyncIterator
from typing import Any

import aiohttp

EXPECT = "is an item all the same"


async def iter_items(session: aiohttp.ClientSession, url: str) -> AsyncIterator[dict[str, Any]]:
    """Yield every item of every page, fetching the next page only when needed."""
    next_url: str | None = url
    while next_url:
        async with session.get(next_url) as resp:
            resp.raise_for_status()
            page = await resp.json()
        # The response is released before we yield: a consumer that pauses (or stops) between
        # items holds no connection.
        for item in filter(None, page["items"]):
            # Suspends here until the consumer asks for the next item: the next page is only
            # requested once this page's items have all been taken.
            yield item
        next_url = page.get("next")
