"""Wrong: __aexit__ returns True, which swallows any exception raised in the block."""

import asyncio
from collections import deque

EXPECT = "swallows the exception"


class RateLimiter:
    def __init__(self, rate, per):
        self.rate = rate
        self.per = per
        self.starts = deque(maxlen=rate)
        self.lock = asyncio.Lock()

    async def __aenter__(self):
        loop = asyncio.get_running_loop()
        async with self.lock:
            if len(self.starts) == self.rate:
                await asyncio.sleep(max(0.0, self.starts[0] + self.per - loop.time()))
            self.starts.append(loop.time())
        return self

    async def __aexit__(self, *exc):
        return True
