"""Wrong: keeps the start times on the class, so every limiter shares one window."""

import asyncio
from collections import deque

EXPECT = "on the instance"


class RateLimiter:
    starts = deque()

    def __init__(self, rate, per):
        self.rate, self.per = rate, per

    async def __aenter__(self):
        loop = asyncio.get_running_loop()
        while True:
            while self.starts and self.starts[0] <= loop.time() - self.per + 1e-9:
                self.starts.popleft()
            if len(self.starts) < self.rate:
                self.starts.append(loop.time())
                return self
            await asyncio.sleep(self.starts[0] + self.per - loop.time())

    async def __aexit__(self, *exc):
        return None
