"""Wrong: asks each distinct id once (set), so an id that appears twice is counted once."""

import asyncio

EXPECT = "its price counts twice"


async def total_price(get_price, ids) -> int:
    prices = await asyncio.gather(*(get_price(i) for i in set(ids)))
    return sum(prices)
