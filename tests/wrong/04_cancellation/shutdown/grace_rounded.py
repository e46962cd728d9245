"""Wrong: rounds grace to whole seconds before waiting, so with grace=1.75 a task that ignores cancellation holds shutdown up until 2 s."""

import asyncio
from collections.abc import Iterable
from typing import Any

EXPECT = "the wait was rounded up to whole seconds"


async def shutdown(tasks: Iterable[asyncio.Task[Any]], grace: float) -> list:
    """Cancel every task, wait at most `grace` s for them, return those still not done."""
    tasks = list(tasks)
    if not tasks:
        return []
    for task in tasks:
        task.cancel()
    _done, pending = await asyncio.wait(tasks, timeout=round(grace))
    return list(pending)
