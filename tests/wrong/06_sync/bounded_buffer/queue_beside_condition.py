"""Wrong (for this kata): an asyncio.Queue does the waiting; the Condition beside it is only
notified, never waited on."""

import asyncio

EXPECT = "waited, but not in wait() or wait_for() of an asyncio.Condition"


class BoundedBuffer:
    def __init__(self, capacity):
        self.queue = asyncio.Queue(capacity)
        self.cond = asyncio.Condition()

    async def put(self, x):
        await self.queue.put(x)
        async with self.cond:
            self.cond.notify_all()

    async def get(self):
        item = await self.queue.get()
        async with self.cond:
            self.cond.notify_all()
        return item
