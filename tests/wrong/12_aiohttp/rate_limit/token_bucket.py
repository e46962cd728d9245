"""Wrong: a token bucket refilled continuously lets rate + 1 starts into one window."""

import asyncio

EXPECT = "token bucket"


class RateLimiter:
    def __init__(self, rate, per):
        self.rate = rate
        self.per = per
        self.tokens = float(rate)
        self.updated = None
        self.lock = asyncio.Lock()

    async def __aenter__(self):
        loop = asyncio.get_running_loop()
        async with self.lock:
            while True:
                now = loop.time()
                if self.updated is not None:
                    self.tokens = min(self.rate, self.tokens + (now - self.updated) * self.rate / self.per)
                self.updated = now
                if self.tokens >= 1:
                    self.tokens -= 1
                    return self
                await asyncio.sleep((1 - self.tokens) * self.per / self.rate)

    async def __aexit__(self, *exc):
        return None
