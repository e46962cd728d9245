"""Wrong: runs at most 10 jobs at a time (a Semaphore inside the TaskGroup), not all at once."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "jobs running at once; expected all 30"


async def run_batch(jobs: Iterable[Callable[[], Awaitable[Any]]]) -> list[str]:
    """Run every job at once in a TaskGroup; return the ValueErrors' messages, sorted."""
    slots = asyncio.Semaphore(10)

    async def limited(job: Callable[[], Awaitable[Any]]) -> Any:
        async with slots:
            return await job()

    messages: list[str] = []
    try:
        async with asyncio.TaskGroup() as group:
            for job in jobs:
                group.create_task(limited(job))
    except* ValueError as errors:
        messages.extend(str(error) for error in errors.exceptions)
    return sorted(messages)
