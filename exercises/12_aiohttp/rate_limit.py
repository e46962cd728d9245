"""A rate limiter: at most `rate` starts in any `per` seconds.

Write `class RateLimiter(rate, per)`, used as an async context manager:

    limiter = RateLimiter(3, 1.0)          # at most 3 calls start in any 1-second window

    async def polite_get(session, url):
        async with limiter:                 # waits here until a start is allowed
            async with session.get(url) as resp:
                return await resp.json()

The limit is on how often calls START, not on how many run at once: a call that takes 5 s
does not hold up the next ones once the window allows them. Never wait needlessly either: a
call starts as soon as starting keeps at most `rate` starts in the last `per` seconds (a
"sliding window"). With `RateLimiter(3, 1.0)`, ten calls made at once start at loop times
0, 0, 0, 1, 1, 1, 2, 2, 2, 3.

An exception inside the `async with` block must propagate (do not swallow it); that call
still started, so it counts in the window like any other. `__aenter__` returns the limiter
itself (so `async with limiter as lim:` works too). Every RateLimiter keeps its own window
(and its own lock, if any): one limiter's waiting calls never hold up another limiter's.

Key API: `__aenter__` / `__aexit__`, `asyncio.get_running_loop().time()`,
`collections.deque`, `asyncio.sleep`, `asyncio.Lock`. Note: an `asyncio.Semaphore(rate)`
alone limits concurrency, not rate.

Grade it: nox -s grade -- rate_limit
"""

from types import TracebackType


class RateLimiter:
    """Let at most `rate` `async with` blocks start in any window of `per` seconds."""

    def __init__(self, rate: int, per: float) -> None:
        raise NotImplementedError("remember rate and per; keep the recent start times")

    async def __aenter__(self) -> "RateLimiter":
        raise NotImplementedError("wait until a start is allowed, then record it")

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        raise NotImplementedError("nothing to release: return None so errors propagate")
