"""Correct in another style: reads time.monotonic() instead of the loop's clock.

On a real event loop both clocks move together; the grader runs on virtual time and makes
time.monotonic() in this module read the loop's clock, so this is graded as correct.
"""

import asyncio
import time
from collections import deque


class RateLimiter:
    def __init__(self, rate: int, per: float) -> None:
        self.rate = rate
        self.per = per
        self.starts: deque[float] = deque(maxlen=rate)
        self.lock = asyncio.Lock()

    async def __aenter__(self) -> "RateLimiter":
        async with self.lock:
            if len(self.starts) == self.rate:
                wait = self.starts[0] + self.per - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
            self.starts.append(time.monotonic())
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None
