"""Wrong: drain() awaits each task and catches Exception: a task cancelled meanwhile raises CancelledError out of drain()."""

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

EXPECT = "raised CancelledError"


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
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            logger.error("background task failed", exc_info=exc)

    async def drain(self) -> None:
        while self._tasks:
            for task in list(self._tasks):
                try:
                    await task
                except Exception:
                    pass  # already logged by _done
