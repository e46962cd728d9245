"""Wrong: one class-level lock for every transfer; correct, but serialises the whole bank."""

import asyncio

EXPECT = "one lock for everything"


class Account:
    lock = None

    def __init__(self, balance):
        self.balance = balance
        if Account.lock is None:
            Account.lock = asyncio.Lock()

    async def transfer(self, to, amount):
        async with Account.lock:
            mine, theirs = self.balance, to.balance
            await asyncio.sleep(0)
            self.balance, to.balance = mine - amount, theirs + amount
