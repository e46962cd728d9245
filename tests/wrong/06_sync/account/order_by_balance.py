"""Wrong: the locks are ordered by balance, which is no fixed order: equal (or changing)
balances leave the call order, and A->B meets B->A."""

import asyncio

EXPECT = "fixed order"


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = asyncio.Lock()

    async def transfer(self, to, amount):
        if to is self:
            return
        first, second = sorted((self, to), key=lambda account: account.balance)
        async with first.lock, second.lock:
            mine, theirs = self.balance, to.balance
            await asyncio.sleep(0)
            self.balance, to.balance = mine - amount, theirs + amount
