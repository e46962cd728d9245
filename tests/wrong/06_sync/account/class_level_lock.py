"""Wrong: the lock is a class attribute, made once for every account: a transfer takes that one lock twice and waits for itself."""

import asyncio

EXPECT = "Two accounts hold the very same asyncio.Lock"


class Account:
    lock = asyncio.Lock()

    def __init__(self, balance):
        self.balance = balance

    async def transfer(self, to, amount):
        if to is self:
            return
        first, second = sorted((self, to), key=id)
        async with first.lock, second.lock:
            mine, theirs = self.balance, to.balance
            await asyncio.sleep(0)
            self.balance, to.balance = mine - amount, theirs + amount
