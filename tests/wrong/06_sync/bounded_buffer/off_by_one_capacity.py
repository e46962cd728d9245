"""Wrong: put() waits only while the buffer holds MORE than capacity: it holds one too many."""

import asyncio
from collections import deque

EXPECT = "must wait until a get() makes room"


class BoundedBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = deque()
        self.cond = asyncio.Condition()

    async def put(self, x):
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) <= self.capacity)
            self.items.append(x)
            self.cond.notify_all()

    async def get(self):
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) > 0)
            item = self.items.popleft()
            self.cond.notify_all()
            return item
