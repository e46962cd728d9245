"""Wrong: __aenter__ returns self only when the window has room; a call that had to wait gets None
from `async with limiter as lim`."""

import asyncio
from collections import deque
from types import TracebackType

EXPECT = "for a call that had to wait"


class RateLimiter:
    def __init__(self, rate: int, per: float) -> None:
        self.rate = rate
        self.per = per
        self._starts: deque[float] = deque(maxlen=rate)
        self._lock = asyncio.Lock()

    async def __aenter__(self) -> "RateLimiter":
        loop = asyncio.get_running_loop()
        async with self._lock:
            if len(self._starts) < self.rate:
                self._starts.append(loop.time())
                return self
            wait = self._starts[0] + self.per - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            self._starts.append(loop.time())

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None
