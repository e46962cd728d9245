"""Wrong: drain waits on an "idle" Event set when the last task ends but never cleared by spawn: after a first drain, a later drain returns at once while new tasks are pending."""

import asyncio
import logging

EXPECT = "that second drain() returned at loop time 4.0 s; expected 6 s"

logger = logging.getLogger("katas.spawner")


class Spawner:
    def __init__(self):
        self._tasks = set()
        self._idle = asyncio.Event()

    def spawn(self, coro):
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task):
        self._tasks.discard(task)
        if not self._tasks:
            self._idle.set()
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            logger.error("background task %s failed", task.get_name(), exc_info=exc)

    async def drain(self):
        if self._tasks:
            await self._idle.wait()
