"""Wrong: keeps the tasks in a deque(maxlen=100) so it "cannot grow forever": past 100 pending tasks the oldest lose their strong reference."""

import asyncio
import collections
import logging

EXPECT = "of 150 spawned tasks pending at once, only 100 finished"

logger = logging.getLogger("katas.spawner")


class Spawner:
    def __init__(self):
        self._tasks = collections.deque(maxlen=100)

    def spawn(self, coro):
        task = asyncio.create_task(coro)
        self._tasks.append(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task):
        try:
            self._tasks.remove(task)
        except ValueError:
            pass
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            logger.error("background task %s failed", task.get_name(), exc_info=exc)

    async def drain(self):
        while self._tasks:
            await asyncio.wait(list(self._tasks))
