"""Wrong: `await asyncio.create_task(...)` on one line waits for each task in turn."""

import asyncio

EXPECT = "sum of the latencies"


async def fetch_all(ids, fetch) -> list:
    return [await asyncio.create_task(fetch(i)) for i in ids]
