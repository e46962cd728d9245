"""Wrong: spaces every start per/rate apart, so a burst waits although the window has room."""

import asyncio

EXPECT = "no spacing between them"


class RateLimiter:
    def __init__(self, rate, per):
        self.interval = per / rate
        self.next_start = None
        self.lock = asyncio.Lock()

    async def __aenter__(self):
        loop = asyncio.get_running_loop()
        async with self.lock:
            if self.next_start is not None and self.next_start > loop.time():
                await asyncio.sleep(self.next_start - loop.time())
            self.next_start = loop.time() + self.interval
        return self

    async def __aexit__(self, *exc):
        return None
