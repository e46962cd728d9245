"""Wrong: records the time the call arrived, not the time it started after waiting."""

import asyncio
from collections import deque

EXPECT = "not when it arrived"


class RateLimiter:
    def __init__(self, rate, per):
        self.rate = rate
        self.per = per
        self.starts = deque(maxlen=rate)
        self.lock = asyncio.Lock()

    async def __aenter__(self):
        loop = asyncio.get_running_loop()
        arrived = loop.time()
        async with self.lock:
            if len(self.starts) == self.rate:
                wait = self.starts[0] + self.per - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
            self.starts.append(arrived)
        return self

    async def __aexit__(self, *exc):
        return None
