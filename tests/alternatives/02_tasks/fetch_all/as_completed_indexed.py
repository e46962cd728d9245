"""Correct in another style: as_completed, putting each result back in its slot."""

import asyncio


async def fetch_all(ids, fetch) -> list:
    ids = list(ids)

    async def indexed(k, i):
        return k, await fetch(i)

    results = [None] * len(ids)
    for done in asyncio.as_completed([indexed(k, i) for k, i in enumerate(ids)]):
        k, value = await done
        results[k] = value
    return results
