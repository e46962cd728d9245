"""Wrong: sorts the group with type(e) is ValueError: a ValueError subclass is re-raised as a bug."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "a subclass of ValueError is a ValueError too"


async def run_batch(jobs: Iterable[Callable[[], Awaitable[Any]]]) -> list[str]:
    messages: list[str] = []
    try:
        async with asyncio.TaskGroup() as tg:
            for job in jobs:
                tg.create_task(job())
    except ExceptionGroup as group:
        bugs = [e for e in group.exceptions if type(e) is not ValueError]
        if bugs:
            raise ExceptionGroup("bugs in the batch", bugs) from None
        messages = [str(e) for e in group.exceptions]
    return sorted(messages)
