"""Wrong: gives the start back when the block raises, although that call did start."""

import asyncio
from collections import deque

EXPECT = "counts in the window like any other"


class RateLimiter:
    def __init__(self, rate, per):
        self.rate = rate
        self.per = per
        self.starts = deque()
        self.lock = asyncio.Lock()

    async def __aenter__(self):
        loop = asyncio.get_running_loop()
        async with self.lock:
            while True:
                now = loop.time()
                while self.starts and self.starts[0] <= now - self.per:
                    self.starts.popleft()
                if len(self.starts) < self.rate:
                    self.starts.append(now)
                    self.mine = now
                    return self
                await asyncio.sleep(self.starts[0] + self.per - now)

    async def __aexit__(self, exc_type, exc, tb):
        if exc_type is not None and self.mine in self.starts:
            self.starts.remove(self.mine)  # the call failed: it does not count
        return None
