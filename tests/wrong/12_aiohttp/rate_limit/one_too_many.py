"""Wrong: `<=` where `<` belongs: rate + 1 calls start in every window."""

import asyncio

EXPECT = "One call too many"


class RateLimiter:
    def __init__(self, rate, per):
        self.rate = rate
        self.per = per
        self.starts = []
        self.lock = asyncio.Lock()

    async def __aenter__(self):
        loop = asyncio.get_running_loop()
        async with self.lock:
            while True:
                now = loop.time()
                self.starts = [t for t in self.starts if t > now - self.per]
                if len(self.starts) <= self.rate:
                    self.starts.append(now)
                    return self
                await asyncio.sleep(self.starts[0] + self.per - now)

    async def __aexit__(self, *exc):
        return None
