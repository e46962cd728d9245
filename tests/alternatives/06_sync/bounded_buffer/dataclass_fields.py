"""Correct in another style: a dataclass whose Condition and deque come from default_factory."""

import asyncio
from collections import deque
from dataclasses import dataclass, field
from typing import Any


@dataclass
class BoundedBuffer:
    capacity: int
    items: deque = field(default_factory=deque)
    cond: asyncio.Condition = field(default_factory=asyncio.Condition)

    def _full(self) -> bool:
        return len(self.items) >= self.capacity

    async def put(self, x: Any) -> None:
        async with self.cond:
            await self.cond.wait_for(lambda: not self._full())
            self.items.append(x)
            self.cond.notify_all()

    async def get(self) -> Any:
        async with self.cond:
            await self.cond.wait_for(self.items.__len__)
            try:
                return self.items.popleft()
            finally:
                self.cond.notify_all()
