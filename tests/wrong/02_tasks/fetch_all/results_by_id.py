"""Wrong: fixes as_completed's order with a dict keyed by id: every id is fetched, but a repeated id gets its last fetch's result in each of its places."""

import asyncio

EXPECT = "each of its places gets the result of its own fetch"


async def fetch_all(ids, fetch):
    ids = list(ids)

    async def tagged(i):
        return i, await fetch(i)

    by_id = {}
    for next_done in asyncio.as_completed([tagged(i) for i in ids]):
        i, data = await next_done
        by_id[i] = data
    return [by_id[i] for i in ids]
