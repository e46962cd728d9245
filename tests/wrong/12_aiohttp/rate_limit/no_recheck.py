"""Wrong: no lock and no re-check: every waiter sleeps until the same moment, then all start."""

import asyncio
from collections import deque

EXPECT = "woke at the same moment"


class RateLimiter:
    def __init__(self, rate, per):
        self.rate = rate
        self.per = per
        self.starts = deque(maxlen=rate)

    async def __aenter__(self):
        loop = asyncio.get_running_loop()
        if len(self.starts) == self.rate:
            wait = self.starts[0] + self.per - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
        self.starts.append(loop.time())
        return self

    async def __aexit__(self, *exc):
        return None
