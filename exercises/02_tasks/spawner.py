"""Fire and forget, safely: background tasks that are neither lost nor silent.

`asyncio.create_task(coro)` starts a task, but the event loop keeps only a WEAK reference to
it: a task nobody else holds can be garbage-collected in the middle of its work, and then it
just never finishes. And if a background task fails and nobody ever looks at it, its
exception is only reported as "Task exception was never retrieved", late or never.

Write `class Spawner` (constructed with no arguments):

- `spawn(coro) -> asyncio.Task` (a plain method): start `coro` as a task right away, keep a
  strong reference to it (e.g. in a set) until it is done, and return it. When the task is
  done, drop the reference (the set must not grow forever) and, if the task failed, log its
  exception with the logger `logging.getLogger("katas.spawner")` at ERROR level. A task that
  was cancelled did not fail: do not treat it as an error.
- `async drain()`: wait until no task this Spawner spawned is pending, including tasks that
  were spawned while draining. It never raises a task's exception (those are logged).
  Cancelling drain() itself makes it raise CancelledError.

    spawner = Spawner()
    spawner.spawn(send_email(user))        # returns at once; the email goes out later
    ...
    await spawner.drain()                  # at shutdown: wait for every background task

Key names: `asyncio.create_task`, `Task.add_done_callback`, `set.discard`, `Task.cancelled()`,
`Task.exception()`, `logger.error(..., exc_info=exc)`, `asyncio.wait`.

Grade it: nox -s grade -- spawner
"""

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

logger = logging.getLogger("katas.spawner")


class Spawner:
    """Starts background tasks, keeps them alive until done, logs their failures."""

    def __init__(self) -> None:
        raise NotImplementedError("make a set for the running tasks")

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Start `coro` as a task, hold it until it is done, and return it."""
        raise NotImplementedError("create the task, keep it, add a done callback, return it")

    async def drain(self) -> None:
        """Wait until no spawned task is pending (including ones spawned meanwhile)."""
        raise NotImplementedError("wait while any spawned task is still pending")
