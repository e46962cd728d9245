"""Wrong: __aenter__ returns None, so `async with limiter as x` gives None."""

import asyncio
from collections import deque

EXPECT = "return self"


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
                wait = self.starts[0] + self.per - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
            self.starts.append(loop.time())

    async def __aexit__(self, *exc):
        return None
