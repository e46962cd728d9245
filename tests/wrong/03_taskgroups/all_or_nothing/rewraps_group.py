"""Wrong: catches the TaskGroup's ExceptionGroup and raises a new group of its own wrapping it,
instead of letting it propagate."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "was caught and wrapped in a new one"


async def fetch_all_or_fail(ids: Iterable[Any], fetch: Callable[[Any], Awaitable[Any]]) -> list:
    """Fetch every id at once in a TaskGroup; results in input order; the first error wins."""
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(fetch(i)) for i in ids]
    except ExceptionGroup as errors:
        # add some context for whoever reads the logs
        raise ExceptionGroup("fetch_all_or_fail: some fetches failed", [errors]) from None
    return [task.result() for task in tasks]
