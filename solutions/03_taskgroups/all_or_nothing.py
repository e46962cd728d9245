"""All or nothing: fetch everything, or fail fast and cancel the rest (reference solution)."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any


async def fetch_all_or_fail(ids: Iterable[Any], fetch: Callable[[Any], Awaitable[Any]]) -> list:
    """Fetch every id at once in a TaskGroup; results in input order; the first error wins."""
    # The tasks are created in input order, so reading them back in that order keeps the
    # results in input order, whatever order they finish in.
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch(i)) for i in ids]
    # Leaving the block means every task finished successfully: if one had failed, the group
    # would have cancelled the others, waited for them, and raised an ExceptionGroup here.
    return [task.result() for task in tasks]
