"""Wrong: keeps every task in a set forever; the set only grows."""

import asyncio
import logging

EXPECT = "still holds"

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
        if not task.cancelled() and task.exception() is not None:
            logger.error("task failed", exc_info=task.exception())

    async def drain(self) -> None:
        while pending := [t for t in self._tasks if not t.done()]:
            await asyncio.wait(pending)
