"""Wrong: waits for room by sleeping in steps of 0.125 s and looking at the window again, so a call starts on the next step after the window allows it, not at that moment."""

import asyncio
from collections import deque
from types import TracebackType

EXPECT = "A call started late, after the moment the window allowed it"


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
            while len(self._starts) == self.rate and loop.time() < self._starts[0] + self.per:
                await asyncio.sleep(0.125)
            self._starts.append(loop.time())
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # Nothing to release: the limit is on starts. Returning None lets errors propagate.
        return None
