"""Wrong: get() calls notify(): when the putter it wakes is cancelled, the wake-up is lost (Python 3.13's Condition passes it on)."""

import asyncio
from collections import deque

EXPECT = "the wake-up is lost"
WRONG_BEFORE = "3.13"


class BoundedBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = deque()
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
            self.cond.notify()  # one slot freed: one putter is enough
            return item
