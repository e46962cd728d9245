"""Graceful shutdown: cancel everything, wait a bounded time, report the stragglers.

Write `shutdown(tasks, grace)`. `tasks` is a list of `asyncio.Task`s (some may already be
done). Cancel every task, then wait for them to finish, but never longer than `grace`
seconds: return as soon as all are done, or when `grace` has passed, whichever comes first.
Return the list of tasks that are still not done (in any order; `[]` if all finished).
If the caller cancels `shutdown` itself, it lets that CancelledError out at once.

`task.cancel()` only *asks*: the task gets a `CancelledError` the next time it runs, and may
take a while to clean up (or even ignore the request). So after cancelling you must wait for
the tasks to finish, and a task that ignores cancellation must not hold up the shutdown past
`grace`.

    >>> stragglers = await shutdown([web, db, stubborn], grace=2)   # after at most 2 s
    >>> stragglers
    [stubborn]

Beware: `asyncio.gather(*tasks)` waits without limit, and `asyncio.wait_for(gather(...),
grace)` also waits for the cancelled gather to finish. `asyncio.wait(tasks, timeout=grace)`
returns `(done, pending)` after at most `grace` seconds and cancels nothing. It refuses an
empty list, so handle "no tasks" yourself.

Key API: `task.cancel()`, `asyncio.wait(tasks, timeout=grace)`, `task.done()`.

Grade it: nox -s grade -- shutdown
"""

import asyncio
from collections.abc import Iterable
from typing import Any


async def shutdown(tasks: Iterable[asyncio.Task[Any]], grace: float) -> list:
    """Cancel every task, wait at most `grace` s for them, return those still not done."""
    raise NotImplementedError("cancel all, then asyncio.wait(tasks, timeout=grace)")
