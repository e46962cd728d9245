"""Wrong: starts every source, then polls the tasks every 50 ms instead of waiting for them, so a
match is seen up to 50 ms late."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "called asyncio.sleep(0.05)"


async def first_match(
    sources: Iterable[Callable[[], Awaitable[Any]]], pred: Callable[[Any], bool]
) -> Any:
    """Return the first value (by time) that satisfies `pred`, cancelling the other sources."""
    tasks = [asyncio.ensure_future(source()) for source in sources]
    checked: set[asyncio.Future[Any]] = set()
    try:
        while len(checked) < len(tasks):
            await asyncio.sleep(0.05)
            for task in tasks:
                if task.done() and task not in checked:
                    checked.add(task)
                    value = task.result()
                    if pred(value):
                        return value
        return None
    finally:
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
