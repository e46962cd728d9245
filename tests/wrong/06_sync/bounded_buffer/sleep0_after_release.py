"""Wrong: put() and get() await asyncio.sleep(0) after releasing the Condition, to let the others run: a put() cancelled there ends cancelled although its item went in."""

import asyncio
from collections import deque
from typing import Any

EXPECT = "put('first') ended cancelled, yet its item was in the buffer"


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
        await asyncio.sleep(0)
        return item
