"""Wrong: drain() waits on a future kept in one attribute, set when the last task ends; a
second drain() at the same time replaces it, and the first drain() is never woken."""

import asyncio
import logging

EXPECT = "the first drain() never returned"

logger = logging.getLogger("katas.spawner")


class Spawner:
    def __init__(self):
        self._tasks = set()
        self._idle = None

    def spawn(self, coro):
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task):
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("background task failed", exc_info=task.exception())
        if not self._tasks and self._idle is not None and not self._idle.done():
            self._idle.set_result(None)

    async def drain(self):
        while self._tasks:
            self._idle = asyncio.get_running_loop().create_future()
            await self._idle
