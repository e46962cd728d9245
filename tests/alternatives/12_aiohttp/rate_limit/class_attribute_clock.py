"""Correct in another style: the clock is a class attribute (clock = time.monotonic, a builtin,
so not bound as a method) and the class has __slots__; the window is trimmed and re-checked.

Before the kit swapped clocks kept in a class, this read the real clock on the virtual loop and
was told "A call waited although the last second held fewer than 3 starts"."""

import asyncio
import time
from collections import deque


class RateLimiter:
    clock = time.monotonic
    __slots__ = ("_lock", "_starts", "per", "rate")

    def __init__(self, rate, per):
        self.rate = rate
        self.per = per
        self._starts = deque()
        self._lock = asyncio.Lock()

    async def __aenter__(self):
        async with self._lock:
            while True:
                now = self.clock()
                while self._starts and self._starts[0] <= now - self.per:
                    self._starts.popleft()
                if len(self._starts) < self.rate:
                    self._starts.append(now)
                    return self
                await asyncio.sleep(self._starts[0] + self.per - now)

    async def __aexit__(self, *exc_info):
        return False
