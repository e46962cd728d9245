"""Wrong: gives the start back when the block is cancelled ("the request never got through"),
although that call did start."""

import asyncio
from collections import deque
from types import TracebackType

EXPECT = "cancelled inside its block had started"


class RateLimiter:
    def __init__(self, rate: int, per: float) -> None:
        self.rate = rate
        self.per = per
        self._starts: deque[float] = deque()
        self._lock = asyncio.Lock()

    async def __aenter__(self) -> "RateLimiter":
        loop = asyncio.get_running_loop()
        async with self._lock:
            while True:
                now = loop.time()
                while self._starts and self._starts[0] + self.per <= now:
                    self._starts.popleft()
                if len(self._starts) < self.rate:
                    break
                await asyncio.sleep(self._starts[0] + self.per - now)
            self._starts.append(now)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None and issubclass(exc_type, asyncio.CancelledError):
            # a cancelled call is as good as never made: free its place in the window
            if self._starts:
                self._starts.pop()
        return None
