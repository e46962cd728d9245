"""Wrong: filters out the None results ("no data"), so a fetch that returns None (a real
result) loses its place and the list no longer has one result per id."""

import asyncio

EXPECT = "it dropped some results"


async def fetch_all(ids, fetch):
    results = await asyncio.gather(*(fetch(i) for i in ids))
    return [r for r in results if r is not None]
