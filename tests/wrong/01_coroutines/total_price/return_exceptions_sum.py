"""Wrong: gather(..., return_exceptions=True) and sum(): adding an exception object to the prices raises TypeError, not the failed call's own error."""

import asyncio

EXPECT = "raised TypeError (unsupported operand"


async def total_price(get_price, ids):
    return sum(await asyncio.gather(*(get_price(i) for i in ids), return_exceptions=True))
