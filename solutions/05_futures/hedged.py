"""Hedged request: ask a backup only when the primary is slow (reference solution)."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


async def hedged(
    primary: Callable[[], Awaitable[Any]], backup: Callable[[], Awaitable[Any]], after: float
) -> Any:
    """Return the first result of primary, or of backup started after `after` seconds."""
    tasks = {asyncio.ensure_future(primary())}
    try:
        # wait(timeout=...) stops waiting after `after` s but, unlike wait_for, never
        # cancels the primary: it keeps running and may still win.
        done, _ = await asyncio.wait(tasks, timeout=after)
        if not done:
            tasks.add(asyncio.ensure_future(backup()))
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        return done.pop().result()
    finally:
        # The loser (or both, if hedged itself was cancelled) is cancelled and awaited.
        for task in tasks:
            task.cancel()
        await asyncio.wait(tasks)
