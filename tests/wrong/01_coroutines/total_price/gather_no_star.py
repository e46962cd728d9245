"""Wrong: hands asyncio.gather one list instead of unpacking it with `*`."""

import asyncio

EXPECT = "Unpack the list with `*`"


async def total_price(get_price, ids) -> int:
    prices = await asyncio.gather([get_price(i) for i in ids])
    return sum(prices)
