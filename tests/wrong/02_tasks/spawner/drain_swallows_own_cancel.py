"""Wrong: drain() awaits each task and catches CancelledError (for tasks cancelled meanwhile), which also swallows drain()'s own cancellation."""

import asyncio
import logging

EXPECT = "must let its own cancellation out"

logger = logging.getLogger("katas.spawner")


class Spawner:
    def __init__(self) -> None:
        self._tasks = set()

    def spawn(self, coro):
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task) -> None:
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
                except (Exception, asyncio.CancelledError):
                    pass  # failures are logged by _done; cancelled tasks are fine
