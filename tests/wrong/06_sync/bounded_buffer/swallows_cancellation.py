"""Wrong: put() and get() catch CancelledError and return None: a cancelled get() looks like one that got the item None, and the caller's task is no longer cancelled."""

import asyncio
from collections import deque

EXPECT = "swallowed the CancelledError"


class BoundedBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = deque()
        self.cond = asyncio.Condition()

    async def put(self, x):
        try:
            async with self.cond:
                await self.cond.wait_for(lambda: len(self.items) < self.capacity)
                self.items.append(x)
                self.cond.notify_all()
        except asyncio.CancelledError:
            return None  # give up quietly

    async def get(self):
        try:
            async with self.cond:
                await self.cond.wait_for(lambda: len(self.items) > 0)
                item = self.items.popleft()
                self.cond.notify_all()
                return item
        except asyncio.CancelledError:
            return None  # give up quietly
