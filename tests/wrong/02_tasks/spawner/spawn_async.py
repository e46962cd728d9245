"""Wrong: spawn is an `async def`, so calling it (without await) starts nothing."""

import asyncio
import logging

EXPECT = "Spawner.spawn is an `async def`"

logger = logging.getLogger("katas.spawner")


class Spawner:
    def __init__(self) -> None:
        self._tasks = set()

    async def spawn(self, coro):
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def drain(self) -> None:
        while self._tasks:
            await asyncio.wait(set(self._tasks))
