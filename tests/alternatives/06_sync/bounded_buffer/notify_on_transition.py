"""Correct in another style: a plain list, explicit while loops, and notify_all() only when
the buffer leaves the empty or the full state (the only moments anybody can be waiting)."""

import asyncio


class BoundedBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = []
        self.cond = asyncio.Condition()

    async def put(self, x):
        async with self.cond:
            while len(self.items) >= self.capacity:
                await self.cond.wait()
            self.items.append(x)
            if len(self.items) == 1:
                self.cond.notify_all()

    async def get(self):
        async with self.cond:
            while not self.items:
                await self.cond.wait()
            item = self.items.pop(0)
            if len(self.items) == self.capacity - 1:
                self.cond.notify_all()
            return item
