"""Wrong: calls len(ids), which a generator does not have."""

import asyncio

EXPECT = "here a generator, which has no len()"


async def total_price(get_price, ids) -> int:
    if len(ids) == 0:
        return 0
    return sum(await asyncio.gather(*(get_price(i) for i in ids)))
