"""Correct in another style: as_completed, breaking out once k results are in (asyncio's own
iterator then drops the coroutines it made for the items not taken), then cancel and await
the rest."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any


async def first_k(factories: Iterable[Callable[[], Awaitable[Any]]], k: int) -> list[Any]:
    """Return the first `k` results by completion order; cancel and await the other jobs."""
    tasks = [asyncio.ensure_future(factory()) for factory in factories]
    results: list[Any] = []
    try:
        for next_done in asyncio.as_completed(tasks):
            if len(results) >= k:
                break
            results.append(await next_done)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return results
