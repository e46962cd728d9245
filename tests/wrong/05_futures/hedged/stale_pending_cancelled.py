"""Wrong: its finally cancels the `pending` set left from the first wait (the primary alone)
and awaits every task: cancelled while both requests run, it lets the backup run on to its
end and only then ends with CancelledError."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

EXPECT = "let the backup request run on to its end"


async def hedged(
    primary: Callable[[], Awaitable[Any]], backup: Callable[[], Awaitable[Any]], after: float
) -> Any:
    tasks = {asyncio.ensure_future(primary())}
    pending = set(tasks)
    try:
        done, pending = await asyncio.wait(tasks, timeout=after)
        if not done:
            tasks.add(asyncio.ensure_future(backup()))
            done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        return done.pop().result()
    finally:
        for task in pending:
            task.cancel()
        await asyncio.wait(tasks)
