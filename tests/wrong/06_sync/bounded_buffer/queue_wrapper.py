"""Wrong (for this kata): wraps asyncio.Queue instead of building on a Condition."""

import asyncio

EXPECT = "Condition"


class BoundedBuffer:
    def __init__(self, capacity):
        self.queue = asyncio.Queue(capacity)

    async def put(self, x):
        await self.queue.put(x)

    async def get(self):
        return await self.queue.get()
