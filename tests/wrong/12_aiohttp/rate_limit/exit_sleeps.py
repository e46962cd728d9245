"""Wrong: hands the permit back `per` seconds after the block, by sleeping in __aexit__: every
caller is held up `per` seconds after its block has finished."""

import asyncio

EXPECT = "sleep in __aexit__"


class RateLimiter:
    def __init__(self, rate, per):
        self.per = per
        self.permits = asyncio.Semaphore(rate)

    async def __aenter__(self):
        await self.permits.acquire()
        return self

    async def __aexit__(self, *exc):
        await asyncio.sleep(self.per)
        self.permits.release()
