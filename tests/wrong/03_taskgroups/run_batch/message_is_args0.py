"""Wrong: takes a message as error.args[0]: ValueError() raises IndexError, ValueError(42) gives 42."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "a message is `str(error)`"


async def run_batch(jobs: Iterable[Callable[[], Awaitable[Any]]]) -> list[str]:
    messages: list[str] = []
    try:
        async with asyncio.TaskGroup() as tg:
            for job in jobs:
                tg.create_task(job())
    except* ValueError as group:
        messages = [error.args[0] for error in group.exceptions]
    return sorted(messages)
