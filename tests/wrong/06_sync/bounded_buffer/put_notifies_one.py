"""Wrong: put() calls notify() ("one item added: one getter is enough"): when the getter it
wakes is cancelled, the wake-up is lost (Python 3.13's Condition passes it on)."""

import asyncio
from collections import deque

EXPECT = "the other get() was never woken"
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
            self.cond.notify()

    async def get(self):
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) > 0)
            item = self.items.popleft()
            self.cond.notify_all()
            return item
