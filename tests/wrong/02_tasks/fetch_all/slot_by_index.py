"""Wrong: puts each result at ids.index(i), so a repeated id fills only its first place."""

import asyncio

EXPECT = "an id that appears twice gets a result in each of its places"


async def fetch_all(ids, fetch) -> list:
    ids = list(ids)

    async def tagged(i):
        return i, await fetch(i)

    results = [None] * len(ids)
    for done in asyncio.as_completed([tagged(i) for i in ids]):
        i, value = await done
        results[ids.index(i)] = value
    return results
