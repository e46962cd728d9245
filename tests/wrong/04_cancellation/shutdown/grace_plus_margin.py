"""Wrong: waits `grace` plus a safety margin of 0.05 s ("to let the last ones finish"), so
a shutdown with stubborn tasks takes longer than grace."""

import asyncio
from collections.abc import Iterable
from typing import Any

EXPECT = "went 0.05 s past grace"


async def shutdown(tasks: Iterable[asyncio.Task[Any]], grace: float) -> list:
    """Cancel every task, wait at most `grace` s for them, return those still not done."""
    tasks = list(tasks)
    if not tasks:
        return []
    for task in tasks:
        task.cancel()
    _done, pending = await asyncio.wait(tasks, timeout=grace + 0.05)
    return list(pending)
