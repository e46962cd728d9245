"""Wrong: puts the whole basket under asyncio.timeout(20) "to be safe", so a slow but working price raises TimeoutError."""

import asyncio

EXPECT = "cancelled get_price('fig') after"


async def total_price(get_price, ids):
    total = 0
    async with asyncio.timeout(20):
        for i in ids:
            total += await get_price(i)
    return total
