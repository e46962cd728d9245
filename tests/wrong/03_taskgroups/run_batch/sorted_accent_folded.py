"""Wrong: sorts the messages by their accent-stripped (NFKD) form, so an accented letter sorts next
to its base letter, not as Python sorts strings."""

import asyncio
import unicodedata
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "Python orders strings by code point"


def _alphabetical(text: str) -> str:
    return unicodedata.normalize("NFKD", text)


async def run_batch(jobs: Iterable[Callable[[], Awaitable[Any]]]) -> list[str]:
    """Run every job at once in a TaskGroup; return the ValueErrors' messages, sorted."""
    messages: list[str] = []
    try:
        async with asyncio.TaskGroup() as group:
            for job in jobs:
                group.create_task(job())
    except* ValueError as errors:
        messages.extend(str(error) for error in errors.exceptions)
    return sorted(messages, key=_alphabetical)
