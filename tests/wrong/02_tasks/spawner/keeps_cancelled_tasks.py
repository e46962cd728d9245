"""Wrong: the done callback returns early for a cancelled task, before dropping it: cancelled tasks stay in the set."""

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

EXPECT = "still holds a spawned task after it was cancelled"


logger = logging.getLogger("katas.spawner")


class Spawner:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        if task.cancelled():
            return  # cancelled is not an error: nothing to do
        self._tasks.discard(task)
        exc = task.exception()
        if exc is not None:
            logger.error("background task failed", exc_info=exc)

    async def drain(self) -> None:
        while self._tasks:
            await asyncio.wait(set(self._tasks))
