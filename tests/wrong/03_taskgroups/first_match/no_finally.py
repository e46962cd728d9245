"""Wrong: an asyncio.wait loop with no try/finally: when the caller is cancelled, the sources run on."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "were still running as it ended"


async def first_match(
    sources: Iterable[Callable[[], Awaitable[Any]]], pred: Callable[[Any], bool]
) -> Any:
    """Return the first value (by time) that satisfies `pred`, cancelling the other sources."""
    pending = {asyncio.ensure_future(source()) for source in sources}
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            value = task.result()
            if pred(value):
                for other in pending:
                    other.cancel()
                if pending:
                    await asyncio.wait(pending)
                return value
    return None
