"""Wrong: one asyncio.Lock on the class: a limiter's waiter holds up every other limiter."""

import asyncio
from collections import deque

EXPECT = "waited for the first limiter's window"


class RateLimiter:
    lock = asyncio.Lock()

    def __init__(self, rate, per):
        self.rate = rate
        self.per = per
        self.starts = deque(maxlen=rate)

    async def __aenter__(self):
        loop = asyncio.get_running_loop()
        async with self.lock:
            if len(self.starts) == self.rate:
                wait = self.starts[0] + self.per - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
            self.starts.append(loop.time())
        return self

    async def __aexit__(self, *exc):
        return None
