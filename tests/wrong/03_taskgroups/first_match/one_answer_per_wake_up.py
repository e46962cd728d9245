"""Wrong: takes one task of each `done` set (`done.pop()`), so a match answering in the same loop step as misses can be thrown away unseen, and a later match (or None) comes back instead."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "When several answers arrive in the same loop step, check every one of them."


async def first_match(
    sources: Iterable[Callable[[], Awaitable[Any]]], pred: Callable[[Any], bool]
) -> Any:
    """Return the first value (by time) that satisfies `pred`, cancelling the other sources."""
    pending = {asyncio.ensure_future(source()) for source in sources}
    try:
        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            value = done.pop().result()  # one answer per wake-up
            if pred(value):
                return value
        return None
    finally:
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
