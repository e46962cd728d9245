"""Correct in another style: ask for every price at once with asyncio.gather."""

import asyncio


async def total_price(get_price, ids) -> int:
    prices = await asyncio.gather(*(get_price(i) for i in ids))
    return sum(prices)
