"""Wrong: records each start's time in __aexit__, once the block is over, so calls entering together all find the window empty and start at once."""

import asyncio
from collections import deque
from types import TracebackType

EXPECT = "as if the window were always empty"


class RateLimiter:
    """Let at most `rate` `async with` blocks start in any window of `per` seconds."""

    def __init__(self, rate: int, per: float) -> None:
        self.rate = rate
        self.per = per
        # The loop times of the last `rate` starts; the oldest falls off by itself.
        self._starts: deque[float] = deque(maxlen=rate)
        # One waiter at a time decides when it may start, so waiters start in arrival order.
        self._lock = asyncio.Lock()

    async def __aenter__(self) -> "RateLimiter":
        loop = asyncio.get_running_loop()
        async with self._lock:
            if len(self._starts) == self.rate:
                # The window is full: wait until its oldest start is `per` seconds old.
                wait = self._starts[0] + self.per - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._starts.append(asyncio.get_running_loop().time())
        return None
