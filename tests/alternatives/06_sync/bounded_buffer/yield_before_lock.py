"""Correct in another style: a sleep(0) before taking the lock, while-loops around wait()."""

import asyncio
from collections import deque
from typing import Any


class BoundedBuffer:
    def __init__(self, capacity: int) -> None:
        assert capacity >= 1, "capacity must be positive"
        self.capacity = capacity
        self.items: deque[Any] = deque()
        self.cond = asyncio.Condition()

    @property
    def _full(self) -> bool:
        return len(self.items) >= self.capacity

    async def put(self, x: Any) -> None:
        await asyncio.sleep(0)  # be fair: let others run before we queue up
        async with self.cond:
            while self._full:
                await self.cond.wait()
            self.items.append(x)
            self.cond.notify_all()

    async def get(self) -> Any:
        await asyncio.sleep(0)  # be fair: let others run before we queue up
        async with self.cond:
            while not self.items:
                await self.cond.wait()
            item = self.items.popleft()
            self.cond.notify_all()
        return item
