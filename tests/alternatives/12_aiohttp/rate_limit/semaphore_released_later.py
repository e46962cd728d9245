"""Correct in another style: a Semaphore whose permit comes back `per` seconds after each start.

That turns a concurrency limit into a sliding-window rate limit: a permit is "a start in
the last `per` seconds".
"""

import asyncio


class RateLimiter:
    def __init__(self, rate: int, per: float) -> None:
        self._permits = asyncio.Semaphore(rate)
        self._per = per

    async def __aenter__(self) -> "RateLimiter":
        await self._permits.acquire()
        asyncio.get_running_loop().call_later(self._per, self._permits.release)
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None
