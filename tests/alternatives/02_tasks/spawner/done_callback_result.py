"""Correct in another style: the done callback calls task.result() inside try/except."""

import asyncio
import logging

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
        try:
            task.result()
        except asyncio.CancelledError:
            pass
        except Exception as exc:
            logger.error("task failed", exc_info=exc)

    async def drain(self):
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
