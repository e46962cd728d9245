"""Graceful shutdown: cancel everything, wait a bounded time, report the stragglers (reference)."""

import asyncio
from collections.abc import Iterable
from typing import Any


async def shutdown(tasks: Iterable[asyncio.Task[Any]], grace: float) -> list:
    """Cancel every task, wait at most `grace` s for them, return those still not done."""
    tasks = list(tasks)
    if not tasks:
        return []  # asyncio.wait() raises ValueError on an empty collection
    for task in tasks:
        task.cancel()  # only a request: the task handles it the next time it runs
    # wait() returns when all are done or after `grace` seconds, whichever is first, and
    # unlike wait_for() it never cancels anything or waits for a cancellation to finish.
    _done, pending = await asyncio.wait(tasks, timeout=grace)
    return list(pending)
