"""Wrong: forgets finished tasks but never looks at their exceptions."""

import asyncio
import logging

EXPECT = "never retrieved"

logger = logging.getLogger("katas.spawner")


class Spawner:
    def __init__(self) -> None:
        self._tasks = set()

    def spawn(self, coro):
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def drain(self) -> None:
        while self._tasks:
            await asyncio.wait(set(self._tasks))
