"""Correct in another style: a TaskGroup stopped by raising a private exception."""

import asyncio


class _Enough(Exception):  # noqa: N818 - a sentinel, not an error
    pass


async def first_k(factories, k):
    results = []
    if k <= 0:
        return results

    async def keep(awaitable):
        results.append(await awaitable)
        if len(results) == k:
            raise _Enough

    try:
        async with asyncio.TaskGroup() as group:
            for make in factories:
                group.create_task(keep(make()))
    except* _Enough:
        pass
    return results[:k]
