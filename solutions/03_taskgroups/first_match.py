"""First match: ask every source at once, stop at the first good answer (reference solution)."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any


async def first_match(
    sources: Iterable[Callable[[], Awaitable[Any]]], pred: Callable[[Any], bool]
) -> Any:
    """Return the first value (by time) that satisfies `pred`, cancelling the other sources."""
    tasks: list[asyncio.Task[None]] = []
    found: list[Any] = []  # this call's match, once there is one

    async def ask(source: Callable[[], Awaitable[Any]]) -> None:
        value = await source()
        if not found and pred(value):
            found.append(value)
            # Stop the others: the TaskGroup then waits until each has really finished.
            for task in tasks:
                if task is not asyncio.current_task():
                    task.cancel()

    # The TaskGroup awaits every task, cancelled or not, before the `async with` ends; and if
    # this call is cancelled, it cancels them all and lets the CancelledError out. (A sentinel
    # exception raised by the finder works too, but on Python 3.11 and 3.12 a TaskGroup that
    # stops on an exception swallows a cancellation of its caller arriving meanwhile.)
    async with asyncio.TaskGroup() as group:
        for source in sources:
            tasks.append(group.create_task(ask(source)))
    # Reaching here without a match means every source answered and none satisfied pred.
    return found[0] if found else None
