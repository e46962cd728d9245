"""Wrong: returns the list of prices, not their sum."""

import asyncio

EXPECT = "return one number, their sum"


async def total_price(get_price, ids) -> int:
    return await asyncio.gather(*(get_price(i) for i in ids))
