"""Bounded gather: at most `limit` coroutines at once (reference solution)."""

import asyncio
from collections.abc import Coroutine
from typing import Any


async def bounded_gather(coros: list[Coroutine[Any, Any, Any]], limit: int) -> list[Any]:
    """Await all `coros`, at most `limit` at a time; return the results in input order."""
    # One semaphore shared by everyone: `limit` slots in total.
    semaphore = asyncio.Semaphore(limit)

    async def guarded(coro: Coroutine[Any, Any, Any]) -> Any:
        # `async with` frees the slot however the coroutine ends, errors included.
        async with semaphore:
            return await coro

    return list(await asyncio.gather(*(guarded(c) for c in coros), return_exceptions=True))
