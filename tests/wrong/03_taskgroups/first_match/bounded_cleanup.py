"""Wrong: after a match it waits for the cancelled sources at most 5 s (asyncio.wait timeout), so a
source with a longer cleanup is still running when it returns."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "a time limit on that wait"


CLEANUP_GRACE = 5.0  # do not let a misbehaving source hold us up forever


async def first_match(
    sources: Iterable[Callable[[], Awaitable[Any]]], pred: Callable[[Any], bool]
) -> Any:
    """Return the first value (by time) that satisfies `pred`, cancelling the other sources."""
    pending = {asyncio.ensure_future(source()) for source in sources}
    try:
        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                value = task.result()
                if pred(value):
                    return value
        return None
    finally:
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=CLEANUP_GRACE)
