"""Wrong: reads both balances before taking the locks: the read is stale by the time the
locks are held, and concurrent transfers overwrite each other's writes."""

import asyncio

EXPECT = "Updates were lost"


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = asyncio.Lock()

    async def transfer(self, to, amount):
        if to is self:
            return
        mine, theirs = self.balance, to.balance
        first, second = sorted((self, to), key=id)
        async with first.lock, second.lock:
            await asyncio.sleep(0)
            self.balance, to.balance = mine - amount, theirs + amount
