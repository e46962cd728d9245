"""Wrong: keeps every price in a module-level dict across calls, so a later call sums the old prices without asking again."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "the second call made 0 get_price call(s)"

_prices: dict[str, int] = {}


async def total_price(get_price: Callable[[Any], Awaitable[int]], ids: Iterable[Any]) -> int:
    """Return the sum of `await get_price(i)` over every id in `ids`."""
    ids = list(ids)
    todo = [i for i in ids if repr(i) not in _prices]
    got = await asyncio.gather(*(get_price(i) for i in todo))
    total = sum(_prices[repr(i)] for i in ids if repr(i) in _prices) + sum(got)
    _prices.update(zip(map(repr, todo), got))
    return total
