"""Wrong: one module-level lock for every transfer, serialising the whole bank."""

import asyncio

EXPECT = "one lock for everything"

_BANK = asyncio.Lock()


class Account:
    def __init__(self, balance):
        self.balance = balance

    async def transfer(self, to, amount):
        async with _BANK:
            mine, theirs = self.balance, to.balance
            await asyncio.sleep(0)
            self.balance, to.balance = mine - amount, theirs + amount
