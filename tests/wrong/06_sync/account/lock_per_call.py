"""Wrong: a fresh asyncio.Lock made inside each transfer: nobody else ever waits for it."""

import asyncio

EXPECT = "updates were lost"


class Account:
    def __init__(self, balance):
        self.balance = balance

    async def transfer(self, to, amount):
        if to is self:
            return
        async with asyncio.Lock(), asyncio.Lock():
            mine, theirs = self.balance, to.balance
            await asyncio.sleep(0)
            self.balance, to.balance = mine - amount, theirs + amount
