"""Wrong: takes the lock in __aenter__ and gives it back only in __aexit__ ("one caller at a
time decides"): every block runs alone, so calls start one after the other however much room
the window has."""

import asyncio
from collections import deque
from types import TracebackType

EXPECT = "so the calls run one at a time"


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
        await self._lock.acquire()  # released in __aexit__
        if len(self._starts) == self.rate:
            wait = self._starts[0] + self.per - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
        self._starts.append(loop.time())
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._lock.release()
        return None
