"""Await every price: add up the results of coroutine calls (reference solution)."""

from collections.abc import Awaitable, Callable, Iterable
from typing import Any


async def total_price(get_price: Callable[[Any], Awaitable[int]], ids: Iterable[Any]) -> int:
    """Return the sum of `await get_price(i)` over every id in `ids`."""
    total = 0
    for i in ids:
        # get_price(i) is a coroutine object; `await` runs it and gives its result.
        total += await get_price(i)
    return total
