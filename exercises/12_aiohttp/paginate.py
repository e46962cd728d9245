"""Lazy pagination: an async generator that follows `next` links only when asked.

Write `iter_items(session, url)`, an async generator (`async def` with `yield`). The API
answers each GET with one page of JSON:

    {"items": [{"id": 1}, {"id": 2}], "next": "http://api.test/items/2"}

Yield the page's items one by one, in order; then, only if the consumer asks for more,
GET the `next` URL and go on. The last page has `"next": null` (or no `next` key at all).
A page may have no items and still a `next`: keep going. Raise on an error status
(`resp.raise_for_status()` before reading the body: an error page is often not JSON).

Lazy means no request is made before it is needed. If the consumer stops early,

    async for item in iter_items(session, "http://api.test/items/1"):
        if item["id"] == 2:
            break            # page 2 was never requested

only one page was fetched. Use the `session` you are given (never create your own).

Key API: `async def ... yield`, `async with session.get(url) as resp`,
`resp.raise_for_status()`, `await resp.json()`, `dict.get`.

Grade it: nox -s grade -- paginate
"""

from collections.abc import AsyncIterator
from typing import Any

import aiohttp


async def iter_items(session: aiohttp.ClientSession, url: str) -> AsyncIterator[dict[str, Any]]:
    """Yield every item of every page, fetching the next page only when needed."""
    raise NotImplementedError("GET the page, yield its items, then follow `next`")
    yield {}  # makes this an async generator; remove it when you write yours
