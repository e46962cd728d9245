"""Wrong: cancels the loser (or both, when hedged is cancelled) but waits for them with a time
limit of one second ("do not hang on a stubborn request"): a request whose cleanup takes longer
is still running when hedged returns."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

EXPECT = "still cleaning up"

CLEANUP_LIMIT = 1.0  # seconds to wait for a cancelled request to wind down


async def hedged(
    primary: Callable[[], Awaitable[Any]], backup: Callable[[], Awaitable[Any]], after: float
) -> Any:
    """Return the first result of primary, or of backup started after `after` seconds."""
    tasks = {asyncio.ensure_future(primary())}
    try:
        done, _ = await asyncio.wait(tasks, timeout=after)
        if not done:
            tasks.add(asyncio.ensure_future(backup()))
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        return done.pop().result()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.wait(tasks, timeout=CLEANUP_LIMIT)
