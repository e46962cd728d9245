"""Wrong: grabs `asyncio.get_running_loop()` in __init__: a limiter made at module level (as in the
docstring's example) raises RuntimeError."""

import asyncio
from collections import deque
from types import TracebackType

EXPECT = "made outside a running event loop"


class RateLimiter:
    def __init__(self, rate: int, per: float) -> None:
        self.rate = rate
        self.per = per
        self._loop = asyncio.get_running_loop()  # the clock we wait on
        self._starts: deque[float] = deque(maxlen=rate)
        self._lock = asyncio.Lock()

    async def __aenter__(self) -> "RateLimiter":
        async with self._lock:
            if len(self._starts) == self.rate:
                wait = self._starts[0] + self.per - self._loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
            self._starts.append(self._loop.time())
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None
