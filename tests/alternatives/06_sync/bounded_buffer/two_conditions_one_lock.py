"""Correct in another style: two Conditions (not full, not empty) sharing one lock, each
woken with notify_all()."""

import asyncio
from collections import deque


class BoundedBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = deque()
        lock = asyncio.Lock()
        self.not_full = asyncio.Condition(lock)
        self.not_empty = asyncio.Condition(lock)

    async def put(self, x):
        async with self.not_full:
            await self.not_full.wait_for(lambda: len(self.items) < self.capacity)
            self.items.append(x)
            self.not_empty.notify_all()

    async def get(self):
        async with self.not_empty:
            await self.not_empty.wait_for(lambda: self.items)
            item = self.items.popleft()
            self.not_full.notify_all()
            return item
