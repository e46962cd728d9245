"""Wrong: asyncio.gather raises the first error but leaves the other fetches running."""

import asyncio

EXPECT = "still running in the background"


async def fetch_all_or_fail(ids, fetch):
    return list(await asyncio.gather(*(fetch(i) for i in ids)))
