"""Wrong: drain() waits once for an idle Event that the done callback sets when the set empties, so a task spawned in that same step (by code awaiting the last one) is still pending when drain() returns."""

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

EXPECT = "with the follow-up still pending"

logger = logging.getLogger("katas.spawner")


class Spawner:
    """Starts background tasks, keeps them alive until done, logs their failures."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._idle = asyncio.Event()
        self._idle.set()

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Start `coro` as a task, hold it until it is done, and return it."""
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        self._idle.clear()
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not self._tasks:
            self._idle.set()
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            logger.error("background task %s failed", task.get_name(), exc_info=exc)

    async def drain(self) -> None:
        """Wait until no spawned task is pending (including ones spawned meanwhile)."""
        await self._idle.wait()
