"""Wrong: awaits each cancelled source inside `except CancelledError: pass`, so a cancellation
of the caller that arrives during that wait is swallowed too, and the match is returned."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "while first_match awaited the sources it had cancelled, was swallowed"
CAUGHT_SINCE = "3.13"


async def first_match(
    sources: Iterable[Callable[[], Awaitable[Any]]], pred: Callable[[Any], bool]
) -> Any:
    """Return the first value (by time) that satisfies `pred`, cancelling the other sources."""

    async def call(source: Callable[[], Awaitable[Any]]) -> Any:
        return await source()

    pending = {asyncio.ensure_future(call(source)) for source in sources}
    found: Any = None
    try:
        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            matches = [t.result() for t in done if pred(t.result())]
            if matches:
                found = matches[0]
                break
    finally:
        for task in pending:
            task.cancel()
        for task in pending:
            try:
                await task
            except asyncio.CancelledError:
                pass
    return found
