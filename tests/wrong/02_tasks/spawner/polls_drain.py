"""Wrong: drain polls every 0.1 s until no task is pending."""

import asyncio
import logging

EXPECT = "returned at loop time"

logger = logging.getLogger("katas.spawner")


class Spawner:
    def __init__(self):
        self._tasks = set()

    def spawn(self, coro):
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task):
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("task failed", exc_info=task.exception())

    async def drain(self):
        while self._tasks:
            await asyncio.sleep(0.3)
