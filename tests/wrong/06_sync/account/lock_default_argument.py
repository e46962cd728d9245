"""Wrong: the lock is a default argument of __init__, made once when the class is defined: every account gets the same lock, which a transfer takes twice."""

import asyncio

EXPECT = "Two accounts hold the very same asyncio.Lock"


class Account:
    def __init__(self, balance, lock=asyncio.Lock()):
        self.balance = balance
        self.lock = lock

    async def transfer(self, to, amount):
        if to is self:
            return
        first, second = sorted((self, to), key=id)
        async with first.lock, second.lock:
            mine, theirs = self.balance, to.balance
            await asyncio.sleep(0)
            self.balance, to.balance = mine - amount, theirs + amount
