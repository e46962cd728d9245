"""Wrong: books a start time before waiting and gives it back if cancelled, but calls booked
behind the cancelled one keep their later times and wait for nothing."""

import asyncio

EXPECT = "did you hand out start times in advance"


class RateLimiter:
    def __init__(self, rate, per):
        self.rate = rate
        self.per = per
        self.slots = []  # start times handed out, maybe in the future

    async def __aenter__(self):
        loop = asyncio.get_running_loop()
        now = loop.time()
        at = now
        if len(self.slots) >= self.rate:
            at = max(now, self.slots[-self.rate] + self.per)
        self.slots.append(at)
        try:
            if at > now:
                await asyncio.sleep(at - now)
        except asyncio.CancelledError:
            self.slots.remove(at)  # give the booking back
            raise
        return self

    async def __aexit__(self, *exc):
        return None
