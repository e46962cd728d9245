"""Correct in another style: each task runs a guard coroutine that logs and forgets itself."""

import asyncio
import logging

logger = logging.getLogger("katas.spawner")


class Spawner:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task] = set()
        self._idle = asyncio.Event()
        self._idle.set()

    async def _guard(self, coro):
        try:
            return await coro
        except Exception:
            logger.exception("background task failed")
            return None
        finally:
            self._tasks.discard(asyncio.current_task())
            if not self._tasks:
                self._idle.set()

    def spawn(self, coro):
        task = asyncio.create_task(self._guard(coro))
        self._tasks.add(task)
        self._idle.clear()
        return task

    async def drain(self) -> None:
        await self._idle.wait()
