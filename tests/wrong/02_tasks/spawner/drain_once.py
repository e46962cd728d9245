"""Wrong: drain gathers the tasks pending when it starts and misses those spawned meanwhile."""

import asyncio
import logging

EXPECT = "spawned during the drain"

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
        if not task.cancelled() and task.exception() is not None:
            logger.error("task failed", exc_info=task.exception())

    async def drain(self) -> None:
        await asyncio.gather(*self._tasks, return_exceptions=True)
