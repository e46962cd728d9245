"""Wrong: get() uses None to mean "no item yet", so a None item is taken and dropped."""

import asyncio
from collections import deque

EXPECT = "None and repeated items are items too"


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
            item = None
            while item is None:
                if self.items:
                    item = self.items.popleft()
                    self.cond.notify_all()
                else:
                    await self.cond.wait()
            return item
