"""Wrong: gathers `workers` items at a time, so a fast item waits for the slowest in its batch."""

import asyncio

EXPECT = "lockstep"


async def process_all(items, handler, workers):
    items = list(items)
    results = []
    for start in range(0, len(items), workers):
        batch = items[start : start + workers]
        results.extend(await asyncio.gather(*(handler(i) for i in batch), return_exceptions=True))
    return results
