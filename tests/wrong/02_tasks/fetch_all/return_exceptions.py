"""Wrong: gather(..., return_exceptions=True) puts a failed fetch's exception in the results instead of raising it."""

import asyncio

EXPECT = "in its list"


async def fetch_all(ids, fetch):
    return list(await asyncio.gather(*(fetch(i) for i in ids), return_exceptions=True))
