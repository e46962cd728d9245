"""Wrong: put() adds its item first and then waits for the buffer to be within capacity:
the buffer overfills, and a put() into a freed slot waits behind it."""

import asyncio
from collections import deque

EXPECT = "with room in the buffer, a put() goes through at once"


class BoundedBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = deque()
        self.cond = asyncio.Condition()

    async def put(self, x):
        async with self.cond:
            self.items.append(x)
            self.cond.notify_all()
            await self.cond.wait_for(lambda: len(self.items) <= self.capacity)

    async def get(self):
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) > 0)
            item = self.items.popleft()
            self.cond.notify_all()
            return item
