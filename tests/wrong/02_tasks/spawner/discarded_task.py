"""Wrong: spawn discards the create_task result, so nothing keeps the task alive."""

import asyncio
import logging

EXPECT = "garbage-collected before it finished"

logger = logging.getLogger("katas.spawner")


class Spawner:
    def __init__(self) -> None:
        self._count = 0

    def spawn(self, coro):
        task = asyncio.create_task(coro)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task) -> None:
        if not task.cancelled() and task.exception() is not None:
            logger.error("task failed", exc_info=task.exception())

    async def drain(self) -> None:
        me = asyncio.current_task()
        while others := [t for t in asyncio.all_tasks() if t is not me]:
            await asyncio.wait(others)
