"""Wrong: gather(..., return_exceptions=True) then sums only the int prices, so a failed get_price is silently left out."""

import asyncio

EXPECT = "instead of raising that PriceError"


async def total_price(get_price, ids):
    prices = await asyncio.gather(*(get_price(i) for i in ids), return_exceptions=True)
    return sum(p for p in prices if not isinstance(p, BaseException))
