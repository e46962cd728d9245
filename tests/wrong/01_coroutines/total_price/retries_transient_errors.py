"""Wrong: asks again when get_price fails with a ConnectionError or TimeoutError (up to 3 times), taking them for hiccups, so such an error is not let out at once."""

from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "asked get_price('pear') 3 times"


async def total_price(get_price: Callable[[Any], Awaitable[int]], ids: Iterable[Any]) -> int:
    """Return the sum of `await get_price(i)` over every id in `ids`."""
    total = 0
    for i in ids:
        for attempt in range(3):
            try:
                total += await get_price(i)
                break
            except (ConnectionError, TimeoutError):
                if attempt == 2:
                    raise
    return total
