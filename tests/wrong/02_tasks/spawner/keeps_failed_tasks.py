"""Wrong: the done callback logs a failed task and returns before discarding it, so every
failed task stays in the set forever (drain skips them because they are done)."""

import asyncio
import logging

EXPECT = "failed task(s) after logging them"

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
        if not task.cancelled() and task.exception() is not None:
            logger.error("task failed", exc_info=task.exception())
            return  # forgot to discard it
        self._tasks.discard(task)

    async def drain(self) -> None:
        while pending := {t for t in self._tasks if not t.done()}:
            await asyncio.wait(pending)
