"""Wrong: cancelled in the loop step a request finished, it catches the CancelledError and
returns that request's result ("it is already there"), swallowing the cancellation."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

EXPECT = "even when a request has just finished"


async def hedged(
    primary: Callable[[], Awaitable[Any]], backup: Callable[[], Awaitable[Any]], after: float
) -> Any:
    """Return the first result of primary, or of backup started after `after` seconds."""
    tasks = {asyncio.ensure_future(primary())}
    try:
        # wait(timeout=...) stops waiting after `after` s but, unlike wait_for, never
        # cancels the primary: it keeps running and may still win.
        try:
            done, _ = await asyncio.wait(tasks, timeout=after)
            if not done:
                tasks.add(asyncio.ensure_future(backup()))
                done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            # a request that already finished still counts
            done = {t for t in tasks if t.done() and not t.cancelled()}
            if not done:
                raise
        return done.pop().result()
    finally:
        # The loser (or both, if hedged itself was cancelled) is cancelled and awaited.
        for task in tasks:
            task.cancel()
        await asyncio.wait(tasks)
