"""Wrong: a price that takes longer than 5 s is given up on and counted as 0 instead of awaited."""

import asyncio

EXPECT = "cancelled get_price('fig') after 5 s"


async def total_price(get_price, ids):
    total = 0
    for i in ids:
        try:
            total += await asyncio.wait_for(get_price(i), timeout=5)
        except TimeoutError:
            pass  # too slow: skip it
    return total
