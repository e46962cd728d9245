"""Wrong: keeps a start exactly `per` old, so at the window edge it loops on a 0 s sleep forever."""

import asyncio
from collections import deque

EXPECT = "clock never moved"


class RateLimiter:
    def __init__(self, rate, per):
        self.rate = rate
        self.per = per
        self.starts = deque()

    async def __aenter__(self):
        loop = asyncio.get_running_loop()
        while True:
            now = loop.time()
            while self.starts and now - self.starts[0] > self.per:
                self.starts.popleft()
            if len(self.starts) < self.rate:
                self.starts.append(now)
                return self
            await asyncio.sleep(self.starts[0] + self.per - now)

    async def __aexit__(self, *exc):
        return None
