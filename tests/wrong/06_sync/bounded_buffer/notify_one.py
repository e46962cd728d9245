"""Wrong: notify() wakes one waiter, maybe of the wrong kind, and the right one sleeps on."""

import asyncio
from collections import deque

EXPECT = "notify_all"


class BoundedBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = deque()
        self.cond = asyncio.Condition()

    async def put(self, x):
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) < self.capacity)
            self.items.append(x)
            self.cond.notify()

    async def get(self):
        async with self.cond:
            await self.cond.wait_for(lambda: self.items)
            item = self.items.popleft()
            self.cond.notify()
            return item
