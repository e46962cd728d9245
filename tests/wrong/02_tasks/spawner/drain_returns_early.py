"""Wrong: drain only yields once (sleep(0)) instead of waiting for the tasks."""

EXPECT = "drain must wait for every pending task"

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
            logger.error("background task %s failed", task.get_name(), exc_info=exc)

    async def drain(self) -> None:
        """Wait until no spawned task is pending (including ones spawned meanwhile)."""
        await asyncio.sleep(0)
