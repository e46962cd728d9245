"""Wrong: wraps each get_price in wait_for(timeout=5), so a slow but working price raises TimeoutError."""

import asyncio

EXPECT = "cancelled get_price('fig') after 5 s"


async def total_price(get_price, ids):
    prices = await asyncio.gather(*(asyncio.wait_for(get_price(i), timeout=5) for i in ids))
    return sum(prices)
