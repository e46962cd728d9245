"""Wrong: the deque is a class attribute, `items = deque()`, so every BoundedBuffer shares
one deque: a get() on one buffer can return an item put into another."""

import asyncio
from collections import deque

EXPECT = "The buffers share their items"


class BoundedBuffer:
    items = deque()

    def __init__(self, capacity):
        self.capacity = capacity
        self.cond = asyncio.Condition()

    async def put(self, x):
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) < self.capacity)
            self.items.append(x)
            self.cond.notify_all()

    async def get(self):
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) > 0)
            item = self.items.popleft()
            self.cond.notify_all()
            return item
