"""Wrong: drain() waits at most 60 s and then cancels whatever is still pending "so shutdown
cannot hang": a slow task that would have finished is killed instead of waited for."""

import asyncio
import logging

logger = logging.getLogger("katas.spawner")

EXPECT = "cancelled the slow task"


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
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            logger.error("background task failed", exc_info=exc)

    async def drain(self):
        while self._tasks:
            done, pending = await asyncio.wait(set(self._tasks), timeout=60)
            for t in pending:
                t.cancel()
