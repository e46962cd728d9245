"""Wrong: the task set is a class attribute, shared by every Spawner: one drain() waits for another Spawner's tasks."""

EXPECT = "each Spawner keeps its own set of tasks"

import asyncio
import logging

logger = logging.getLogger("katas.spawner")

class Spawner:
    _tasks = set()

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
            await asyncio.wait(set(self._tasks))
