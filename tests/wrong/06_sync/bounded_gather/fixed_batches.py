"""Wrong: gathers fixed batches of `limit`; a slow member holds up its whole batch."""

import asyncio

EXPECT = "fixed batches"


async def bounded_gather(coros, limit):
    results = []
    for start in range(0, len(coros), limit):
        batch = coros[start:start + limit]
        results += await asyncio.gather(*batch, return_exceptions=True)
    return results
