"""Correct in another style: no lock; drop starts older than `per`, re-check after each sleep."""

import asyncio


class RateLimiter:
    def __init__(self, rate: int, per: float) -> None:
        self.rate = rate
        self.per = per
        self.starts: list[float] = []

    async def __aenter__(self) -> "RateLimiter":
        loop = asyncio.get_running_loop()
        while True:
            now = loop.time()
            self.starts = [t for t in self.starts if t > now - self.per + 1e-9]
            if len(self.starts) < self.rate:
                self.starts.append(now)
                return self
            await asyncio.sleep(self.starts[0] + self.per - now)

    async def __aexit__(self, *exc: object) -> None:
        return None
