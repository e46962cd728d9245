"""Correct in another style: the capacity is the maxlen of the deque (never reached by an
append that would drop an item: put waits while the deque is full)."""

import asyncio
from collections import deque


class BoundedBuffer:
    def __init__(self, capacity):
        self.items = deque(maxlen=capacity)
        self.cond = asyncio.Condition()

    async def put(self, x):
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) < self.items.maxlen)
            self.items.append(x)
            self.cond.notify_all()

    async def get(self):
        async with self.cond:
            await self.cond.wait_for(lambda: self.items)
            item = self.items.popleft()
            self.cond.notify_all()
            return item
