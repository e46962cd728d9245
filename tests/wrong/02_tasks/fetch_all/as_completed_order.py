"""Wrong: as_completed is concurrent, but yields results in the order they finish."""

import asyncio

EXPECT = "in the order they finished"


async def fetch_all(ids, fetch) -> list:
    return [await done for done in asyncio.as_completed([fetch(i) for i in ids])]
