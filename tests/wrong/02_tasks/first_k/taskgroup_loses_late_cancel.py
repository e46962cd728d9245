"""Wrong: a TaskGroup stopped by a private exception; before Python 3.13 a cancel that comes while the group awaits its cancelled jobs is lost, as `except*` swallows the group, so first_k returns instead of ending cancelled."""

import asyncio

EXPECT = "instead of ending cancelled"
WRONG_BEFORE = "3.13"


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
