"""Correct in another style: a TaskGroup whose tasks store results in a dict keyed by position."""

import asyncio


async def fetch_all_or_fail(ids, fetch):
    ids = list(ids)
    results = {}

    async def one(position, i):
        results[position] = await fetch(i)

    async with asyncio.TaskGroup() as group:
        for position, i in enumerate(ids):
            group.create_task(one(position, i))
    return [results[position] for position in range(len(ids))]
