"""Wrong: put() awaits asyncio.sleep(0) after adding its item and releasing the Condition: a put() cancelled there ends cancelled although its item went in."""

import asyncio
from collections import deque
from typing import Any

EXPECT = "so put() awaited something after adding its item"


class BoundedBuffer:
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.items: deque[Any] = deque()
        self.cond = asyncio.Condition()

    async def put(self, x: Any) -> None:
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) < self.capacity)
            self.items.append(x)
            self.cond.notify_all()
        await asyncio.sleep(0)  # let the others run

    async def get(self) -> Any:
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) > 0)
            item = self.items.popleft()
            self.cond.notify_all()
        return item
