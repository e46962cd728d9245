"""Correct in another style: a class with __slots__ (no __dict__), one Condition, wait_for."""

import asyncio
from collections import deque
from typing import Any


class BoundedBuffer:
    __slots__ = ("capacity", "cond", "items")

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.items: deque[Any] = deque()
        self.cond = asyncio.Condition()

    async def put(self, x: Any) -> None:
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) < self.capacity)
            self.items.append(x)
            self.cond.notify_all()

    async def get(self) -> Any:
        async with self.cond:
            await self.cond.wait_for(lambda: bool(self.items))
            item = self.items.popleft()
            self.cond.notify_all()
            return item
