"""Wrong: gathers the ids in batches of ten: each batch waits for the previous one, so with
more than ten ids the fetches do not all start at the same time."""

import asyncio

EXPECT = "only started after others had finished"


async def fetch_all(ids, fetch):
    ids = list(ids)
    results = []
    for start in range(0, len(ids), 10):
        results += await asyncio.gather(*(fetch(i) for i in ids[start : start + 10]))
    return results
