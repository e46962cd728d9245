"""Wrong: collects every source completely (concurrently), then yields everything at the end."""

import asyncio

EXPECT = "as they arrive"


async def merge(*aits):
    async def drain(ait):
        return [item async for item in ait]

    for items in await asyncio.gather(*(drain(a) for a in aits)):
        for item in items:
            yield item
