"""Wrong: logs on the root logger (logging.error), not on katas.spawner."""

EXPECT = "nothing about it was logged on 'katas.spawner'"

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

logger = logging.getLogger("katas.spawner")


class Spawner:
    """Starts background tasks, keeps them alive until done, logs their failures."""

    def __init__(self) -> None:
        # The loop only holds weak references to tasks: this set keeps them alive.
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Start `coro` as a task, hold it until it is done, and return it."""
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        """Done callback: forget the task, and log its exception if it failed."""
        self._tasks.discard(task)
        if task.cancelled():  # exception() would raise CancelledError here
            return
        exc = task.exception()  # retrieving it also silences "never retrieved"
        if exc is not None:
            logging.error("background task %s failed", task.get_name(), exc_info=exc)

    async def drain(self) -> None:
        """Wait until no spawned task is pending (including ones spawned meanwhile)."""
        while self._tasks:
            # Wait on a copy: done callbacks shrink the set while we wait. asyncio.wait
            # never raises the tasks' exceptions; _finished has logged them.
            await asyncio.wait(set(self._tasks))
