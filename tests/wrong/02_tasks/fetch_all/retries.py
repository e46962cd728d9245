"""Wrong: retries a failing fetch up to 3 times before letting its exception out."""

import asyncio

EXPECT = "asked fetch('b') 3 times"


async def _fetch(fetch, i):
    for attempt in range(3):
        try:
            return await fetch(i)
        except Exception:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


async def fetch_all(ids, fetch):
    return list(await asyncio.gather(*(_fetch(fetch, i) for i in ids)))
