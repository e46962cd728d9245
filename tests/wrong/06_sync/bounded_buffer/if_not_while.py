"""Wrong: checks the condition with `if` before cond.wait(), so a woken task never re-checks."""

import asyncio
from collections import deque

EXPECT = "wait_for"


class BoundedBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = deque()
        self.cond = asyncio.Condition()

    async def put(self, x):
        async with self.cond:
            if len(self.items) >= self.capacity:
                await self.cond.wait()
            self.items.append(x)
            self.cond.notify_all()

    async def get(self):
        async with self.cond:
            if not self.items:
                await self.cond.wait()
            item = self.items.popleft()
            self.cond.notify_all()
            return item
