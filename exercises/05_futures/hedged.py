"""Hedged request: ask a backup only when the primary is slow.

Write `hedged(primary, backup, after)`. `primary` and `backup` are async functions with no
arguments (call one to get the coroutine of a request). Start `primary()` at once. If it
has not finished after `after` seconds (`after` may be 0), also start `backup()` (do not
cancel the primary: it may still win). Return the result of whichever finishes first, any
value, `None` included (if both finish in the same instant, either result will do), and
cancel the other one (and await it) before you return. If the primary finishes in time,
the backup is never started at all.

    primary takes 3 s, after = 1, backup takes 1 s  ->  backup's result at 2 s
    primary takes 0.5 s, after = 1                  ->  primary's result at 0.5 s

So the loop time is `min(primary, after + backup)`.

Careful: `asyncio.wait_for(task, after)` cancels the task when the time is up; here the
primary must keep running. `asyncio.wait(..., timeout=after)` just stops waiting, and
`asyncio.wait(..., return_when=asyncio.FIRST_COMPLETED)` tells you who finished first.
If `hedged` itself is cancelled, cancel both requests too (and await them), and let the
CancelledError propagate.

Key API: `asyncio.create_task()`, `asyncio.wait()`, `asyncio.FIRST_COMPLETED`,
`task.cancel()`.

Grade it: nox -s grade -- hedged
"""

from collections.abc import Awaitable, Callable
from typing import Any


async def hedged(
    primary: Callable[[], Awaitable[Any]], backup: Callable[[], Awaitable[Any]], after: float
) -> Any:
    """Return the first result of primary, or of backup started after `after` seconds."""
    raise NotImplementedError("start primary; after `after` s start backup; first one wins")
