"""Wrong: keeps one task per distinct id in a dict, so a repeated id is fetched once."""

import asyncio

EXPECT = "Call fetch(i) once for every id in ids, repeated ids included"


async def fetch_all(ids, fetch) -> list:
    ids = list(ids)
    tasks = {}
    for i in ids:
        if i not in tasks:
            tasks[i] = asyncio.create_task(fetch(i))
    await asyncio.gather(*tasks.values())
    return [tasks[i].result() for i in ids]
