"""Wrong: collects the messages in a module-level list that each call clears first, so two calls
running at the same time mix (and wipe) each other's messages."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "the two calls shared one list"


_messages: list[str] = []


async def run_batch(jobs: Iterable[Callable[[], Awaitable[Any]]]) -> list[str]:
    """Run every job at once in a TaskGroup; return the ValueErrors' messages, sorted."""
    _messages.clear()  # a fresh start for this batch
    try:
        async with asyncio.TaskGroup() as group:
            for job in jobs:
                group.create_task(job())
    except* ValueError as errors:
        _messages.extend(str(error) for error in errors.exceptions)
    return sorted(_messages)
