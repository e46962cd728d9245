"""Wrong: acquires the lock by hand and releases it without try/finally: a cancelled waiter keeps it."""

import asyncio
from collections import deque

EXPECT = "left the limiter blocked"


class RateLimiter:
    def __init__(self, rate, per):
        self.rate = rate
        self.per = per
        self.starts = deque(maxlen=rate)
        self.lock = asyncio.Lock()

    async def __aenter__(self):
        loop = asyncio.get_running_loop()
        await self.lock.acquire()
        if len(self.starts) == self.rate:
            wait = self.starts[0] + self.per - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
        self.starts.append(loop.time())
        self.lock.release()
        return self

    async def __aexit__(self, *exc):
        return None
