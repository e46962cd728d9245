"""Correct in another style: start times in integer nanoseconds from time.perf_counter_ns().

Before the kit made the _ns clocks read loop time, this read the real clock on the virtual loop
and was told about an asyncio.Semaphore it does not have."""

import asyncio
import time
from collections import deque

NS = 1_000_000_000


class RateLimiter:
    def __init__(self, rate: int, per: float) -> None:
        self.rate, self.per_ns = rate, int(per * NS)
        self._starts: deque[int] = deque()
        self._turn = asyncio.Lock()

    async def __aenter__(self) -> "RateLimiter":
        async with self._turn:
            if len(self._starts) >= self.rate:
                wait_ns = self._starts[0] + self.per_ns - time.perf_counter_ns()
                if wait_ns > 0:
                    await asyncio.sleep(wait_ns / NS)
                self._starts.popleft()
            self._starts.append(time.perf_counter_ns())
        return self

    async def __aexit__(self, exc_type, exc, tb) -> None:
        return None
