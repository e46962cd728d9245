"""Wrong: awaits the cancelled requests with a bare gather and swallows "their" CancelledError:
when hedged itself is cancelled while it waits for the loser to wind down, its own
CancelledError is swallowed too and it returns the winner's result."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

EXPECT = "cleanup (the backup won at 2 s), did not end with CancelledError"


async def hedged(
    primary: Callable[[], Awaitable[Any]], backup: Callable[[], Awaitable[Any]], after: float
) -> Any:
    """Return the first result of primary, or of backup started after `after` seconds."""
    tasks = [asyncio.ensure_future(primary())]
    try:
        done, _ = await asyncio.wait(tasks, timeout=after)
        if not done:
            tasks.append(asyncio.ensure_future(backup()))
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        return done.pop().result()
    finally:
        for task in tasks:
            task.cancel()
        try:
            await asyncio.gather(*tasks)
        except asyncio.CancelledError:
            pass  # the cancelled requests: expected
