"""Wrong: starts one get_price task per distinct id and reuses it for each repeat, so a repeated id's price is awaited once, not each time it appears."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "made only 1 get_price call for 2 ids"


async def total_price(get_price: Callable[[Any], Awaitable[int]], ids: Iterable[Any]) -> int:
    """Return the sum of `await get_price(i)` over every id in `ids`."""
    ids = list(ids)
    tasks: dict[Any, asyncio.Future[int]] = {}
    for i in ids:
        if i not in tasks:
            tasks[i] = asyncio.ensure_future(get_price(i))
    return sum(await asyncio.gather(*(tasks[i] for i in ids)))
