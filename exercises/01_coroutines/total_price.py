"""Await every price: add up the results of coroutine calls.

Write `total_price(get_price, ids)`. `get_price` is a coroutine function: `await
get_price(i)` gives the price (an int) of the item with id `i`. Return the sum of the prices
of all `ids` (0 for no ids). The order you ask in does not matter. If a `get_price` call
raises, total_price lets that exception out (a TaskGroup's ExceptionGroup holding it is
fine). Leave `ids` as it is.

    >>> async def get_price(i):
    ...     await asyncio.sleep(1)
    ...     return {"apple": 3, "pear": 4}[i]
    >>> asyncio.run(total_price(get_price, ["apple", "pear"]))
    7

`get_price(i)` without `await` is a coroutine object, not a number: you cannot add it up,
and it never runs. Inside `async def` you never need `asyncio.run`: that starts a new event
loop, and one is already running; just `await`.

Key names: `await`; optionally `asyncio.gather` to ask for all prices at once.

Grade it: nox -s grade -- total_price
"""

from collections.abc import Awaitable, Callable, Iterable
from typing import Any


async def total_price(get_price: Callable[[Any], Awaitable[int]], ids: Iterable[Any]) -> int:
    """Return the sum of `await get_price(i)` over every id in `ids`."""
    raise NotImplementedError("add up `await get_price(i)` for every id")
