"""Wrong: gives up with TimeoutError when it cannot get both locks within 10 s ("a deadlock
guard"): a transfer queued behind more than 10 s of others fails instead of moving money."""

import asyncio

EXPECT = "raised TimeoutError instead of waiting their turn"

LOCK_WAIT_LIMIT = 10.0  # seconds: longer than that means something is stuck


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = asyncio.Lock()

    async def transfer(self, to, amount):
        if to is self:
            return
        first, second = sorted((self, to), key=id)
        async with asyncio.timeout(LOCK_WAIT_LIMIT):
            await first.lock.acquire()
            try:
                await second.lock.acquire()
            except BaseException:
                first.lock.release()
                raise
        try:
            mine, theirs = self.balance, to.balance
            await asyncio.sleep(0)
            self.balance, to.balance = mine - amount, theirs + amount
        finally:
            second.lock.release()
            first.lock.release()
