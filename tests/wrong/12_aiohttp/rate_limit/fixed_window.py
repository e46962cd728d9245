"""Wrong: a counter reset on fixed one-`per` boundaries lets two bursts through back to back."""

import asyncio
import math

EXPECT = "fixed window boundaries"


class RateLimiter:
    def __init__(self, rate, per):
        self.rate, self.per = rate, per
        self.window, self.count = None, 0

    async def __aenter__(self):
        loop = asyncio.get_running_loop()
        while True:
            window = math.floor(loop.time() / self.per + 1e-9)
            if window != self.window:
                self.window, self.count = window, 0
            if self.count < self.rate:
                self.count += 1
                return self
            await asyncio.sleep((window + 1) * self.per - loop.time())

    async def __aexit__(self, *exc):
        return None
