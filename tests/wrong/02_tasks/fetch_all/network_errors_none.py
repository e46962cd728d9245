"""Wrong: a fetch failing with a network error (OSError, TimeoutError) becomes a None result instead of raising."""

import asyncio

EXPECT = "expected the ConnectionError to come out of fetch_all"


async def _fetch(fetch, i):
    try:
        return await fetch(i)
    except (OSError, TimeoutError):
        return None  # the server is down: no data for this id


async def fetch_all(ids, fetch):
    return list(await asyncio.gather(*(_fetch(fetch, i) for i in ids)))
