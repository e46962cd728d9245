"""Wrong: each fetch is wrapped in try/except Exception returning None, so a failed fetch becomes a None result instead of an error."""

import asyncio

EXPECT = "expected the FetchError to come out of fetch_all"

async def safe(fetch, i):
    try:
        return await fetch(i)
    except Exception:
        return None
async def fetch_all(ids, fetch):
    return list(await asyncio.gather(*(safe(fetch, i) for i in ids)))
