"""Correct in another style: a sorted list of start times cut with bisect, one waiter at a time."""

import asyncio
import bisect


class RateLimiter:
    def __init__(self, rate: int, per: float) -> None:
        self._rate = rate
        self._per = per
        self._starts: list[float] = []
        self._lock = asyncio.Lock()

    async def __aenter__(self) -> "RateLimiter":
        loop = asyncio.get_running_loop()
        async with self._lock:
            while True:
                now = loop.time()
                # Keep only the starts inside the window (now - per, now].
                del self._starts[: bisect.bisect_right(self._starts, now - self._per)]
                if len(self._starts) < self._rate:
                    self._starts.append(now)
                    return self
                await asyncio.sleep(self._starts[0] + self._per - now)

    async def __aexit__(self, *exc: object) -> None:
        return None
