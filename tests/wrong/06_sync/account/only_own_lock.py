"""Wrong: locks only the sending account, so money arriving at the same time is lost."""

import asyncio

EXPECT = "updates were lost"


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = asyncio.Lock()

    async def transfer(self, to, amount):
        async with self.lock:
            mine, theirs = self.balance, to.balance
            await asyncio.sleep(0)
            self.balance, to.balance = mine - amount, theirs + amount
