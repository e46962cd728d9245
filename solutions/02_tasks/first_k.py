"""The first k to finish (reference solution)."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any


async def first_k(factories: Iterable[Callable[[], Awaitable[Any]]], k: int) -> list[Any]:
    """Return the first `k` results by completion order; cancel and await the other jobs."""
    # ensure_future turns any awaitable into a task (or keeps a future as it is): all start now.
    if k <= 0:
        return []
    tasks = [asyncio.ensure_future(make()) for make in factories]
    results: list[Any] = []
    try:
        # as_completed yields awaitables in the order the tasks finish; await each one it
        # hands out (an un-awaited one would be a never-awaited coroutine).
        for next_done in asyncio.as_completed(tasks):
            results.append(await next_done)
            if len(results) == k:
                break
    finally:
        # Cancel whatever is still running (cancelling a finished task does nothing), then
        # wait until the cancellations are through; return_exceptions keeps a straggler's
        # error (or CancelledError) from escaping here.
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return results
