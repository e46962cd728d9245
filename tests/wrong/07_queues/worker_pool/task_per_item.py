"""Wrong: one task per item (gather everything), so all items run at once, not `workers`."""

import asyncio

EXPECT = "not one task per item"


async def process_all(items, handler, workers):
    return list(await asyncio.gather(*(handler(i) for i in items), return_exceptions=True))
