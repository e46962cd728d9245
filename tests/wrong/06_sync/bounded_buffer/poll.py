"""Wrong: polls the buffer with asyncio.sleep instead of waiting on the Condition."""

import asyncio
from collections import deque

EXPECT = "polling"


class BoundedBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = deque()
        self.cond = asyncio.Condition()

    async def put(self, x):
        while len(self.items) >= self.capacity:
            await asyncio.sleep(0.01)
        self.items.append(x)

    async def get(self):
        while not self.items:
            await asyncio.sleep(0.01)
        return self.items.popleft()
