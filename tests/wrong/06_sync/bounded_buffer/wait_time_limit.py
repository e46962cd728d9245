"""Wrong: put() and get() wait at most an hour for their condition ("never block forever"),
then raise TimeoutError: a get() whose producer pauses for longer fails instead of waiting."""

import asyncio
from collections import deque

EXPECT = "with no time limit of its own"

WAIT_LIMIT = 3600.0  # an hour: nothing should block longer than that


class BoundedBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = deque()
        self.cond = asyncio.Condition()

    async def put(self, x):
        async with self.cond:
            async with asyncio.timeout(WAIT_LIMIT):
                await self.cond.wait_for(lambda: len(self.items) < self.capacity)
            self.items.append(x)
            self.cond.notify_all()

    async def get(self):
        async with self.cond:
            async with asyncio.timeout(WAIT_LIMIT):
                await self.cond.wait_for(lambda: len(self.items) > 0)
            item = self.items.popleft()
            self.cond.notify_all()
            return item
