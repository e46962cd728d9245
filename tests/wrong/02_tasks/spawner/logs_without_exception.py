"""Wrong: logs that a task failed, but not its exception."""

import asyncio
import logging

EXPECT = "log"

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
            logger.error("background task %s failed", task.get_name())

    async def drain(self):
        while self._tasks:
            await asyncio.wait(set(self._tasks))
