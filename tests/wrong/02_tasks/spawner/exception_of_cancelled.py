"""Wrong: the done callback calls task.exception() on a cancelled task, which raises."""

import asyncio
import logging

EXPECT = "Check task.cancelled() first"

logger = logging.getLogger("katas.spawner")


class Spawner:
    def __init__(self) -> None:
        self._tasks = set()

    def spawn(self, coro):
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task) -> None:
        self._tasks.discard(task)
        exc = task.exception()
        if exc is not None:
            logger.error("task failed", exc_info=exc)

    async def drain(self) -> None:
        while self._tasks:
            await asyncio.wait(set(self._tasks))
