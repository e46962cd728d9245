"""Wrong: sorts ignoring case, not as Python sorts strings."""

EXPECT = "no key=str.lower"

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any


async def run_batch(jobs: Iterable[Callable[[], Awaitable[Any]]]) -> list[str]:
    """Run every job at once in a TaskGroup; return the ValueErrors' messages, sorted."""
    messages: list[str] = []
    try:
        async with asyncio.TaskGroup() as group:
            for job in jobs:
                group.create_task(job())
    except* ValueError as errors:
        # `except*` splits the ExceptionGroup: this block gets only the ValueErrors; every
        # other error stays in a group that is re-raised when the try statement ends.
        messages.extend(str(error) for error in errors.exceptions)
    # `return` is not allowed inside an `except*` block, so return here.
    return sorted(messages, key=str.lower)
