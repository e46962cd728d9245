"""Wrong: gives each price at most 10 s (wait_for) and counts a slower one as 0, so a slow but working price is left out."""

import asyncio

EXPECT = "cancelled get_price('fig') after 10 s"


async def total_price(get_price, ids):
    total = 0
    for i in ids:
        try:
            total += await asyncio.wait_for(get_price(i), timeout=10)
        except TimeoutError:
            total += 0  # too slow: no price
    return total
