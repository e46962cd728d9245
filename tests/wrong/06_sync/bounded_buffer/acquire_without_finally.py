"""Wrong: the Condition's lock taken with acquire() and released at the end, with no
`finally:`: a get() cancelled while it waits keeps the lock, and the buffer is stuck."""

import asyncio
from collections import deque

EXPECT = "kept the Condition's lock"


class BoundedBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = deque()
        self.cond = asyncio.Condition()

    async def put(self, x):
        await self.cond.acquire()
        await self.cond.wait_for(lambda: len(self.items) < self.capacity)
        self.items.append(x)
        self.cond.notify_all()
        self.cond.release()

    async def get(self):
        await self.cond.acquire()
        await self.cond.wait_for(lambda: len(self.items) > 0)
        item = self.items.popleft()
        self.cond.notify_all()
        self.cond.release()
        return item
