"""Wrong: an asyncio.Semaphore(rate) limits calls in flight, not starts per window."""

import asyncio

EXPECT = "Semaphore limits how many calls run at once"


class RateLimiter:
    def __init__(self, rate, per):
        self._sem = asyncio.Semaphore(rate)

    async def __aenter__(self):
        await self._sem.acquire()
        return self

    async def __aexit__(self, *exc):
        self._sem.release()
