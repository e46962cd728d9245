"""Wrong: a slot of the result list still holding None counts as not finished, so a
coroutine that returns None is waited for forever."""

import asyncio
from collections.abc import Coroutine
from typing import Any

EXPECT = "A result of None is a result like any other"


async def bounded_gather(coros: list[Coroutine[Any, Any, Any]], limit: int) -> list[Any]:
    """Await all `coros`, at most `limit` at a time; return the results in input order."""
    semaphore = asyncio.Semaphore(limit)
    results: list[Any] = [None] * len(coros)
    all_in = asyncio.Event()
    if not coros:
        return []

    async def one(i: int, coro: Coroutine[Any, Any, Any]) -> None:
        async with semaphore:
            try:
                results[i] = await coro
            except Exception as error:
                results[i] = error
        if all(result is not None for result in results):
            all_in.set()

    tasks = [asyncio.create_task(one(i, coro)) for i, coro in enumerate(coros)]
    await all_in.wait()
    await asyncio.gather(*tasks)
    return results
