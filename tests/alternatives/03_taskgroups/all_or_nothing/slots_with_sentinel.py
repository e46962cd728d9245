"""Correct in another style: wrappers in a TaskGroup fill slots that start as a sentinel
object of their own, so a result of None is kept like any other."""

import asyncio

_EMPTY = object()


async def fetch_all_or_fail(ids, fetch):
    ids = list(ids)
    slots = [_EMPTY] * len(ids)

    async def fill(k, i):
        slots[k] = await fetch(i)

    async with asyncio.TaskGroup() as group:
        for k, i in enumerate(ids):
            group.create_task(fill(k, i))
    assert all(slot is not _EMPTY for slot in slots)  # the group waited for every fetch
    return slots
