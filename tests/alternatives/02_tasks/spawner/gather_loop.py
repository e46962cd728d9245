"""Correct in another style: a list of tasks, pruned in the callback; drain gathers in a loop."""

import asyncio
import logging

log = logging.getLogger("katas.spawner.background")


class Spawner:
    def __init__(self) -> None:
        self.running: list[asyncio.Task] = []

    def spawn(self, coro):
        task = asyncio.create_task(coro)
        self.running.append(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task) -> None:
        self.running.remove(task)
        if task.cancelled():
            return
        if (exc := task.exception()) is not None:
            log.error("task %r crashed: %s", task.get_name(), exc, exc_info=exc)

    async def drain(self) -> None:
        while self.running:
            await asyncio.gather(*self.running, return_exceptions=True)
