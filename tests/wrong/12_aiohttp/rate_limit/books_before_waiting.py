"""Wrong: books its start time before waiting for it: a call cancelled while it waits keeps its booking and later calls wait for nothing."""

import asyncio
from collections import deque

EXPECT = "must not take a start in the window"


class RateLimiter:
    def __init__(self, rate, per):
        self.rate = rate
        self.per = per
        self._slots = deque(maxlen=rate)  # start times handed out (maybe in the future)

    async def __aenter__(self):
        loop = asyncio.get_running_loop()
        now = loop.time()
        at = now
        if len(self._slots) == self.rate:
            at = max(now, self._slots[0] + self.per)
        self._slots.append(at)  # book my start time, then wait for it
        if at > now:
            await asyncio.sleep(at - now)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        return None
