"""Wrong: counts the ids first, then fetches them: a generator is empty the second time."""

import asyncio

EXPECT = "a generator can be walked only once"


async def fetch_all(ids, fetch) -> list:
    if sum(1 for _ in ids) == 0:
        return []
    return list(await asyncio.gather(*(fetch(i) for i in ids)))
