"""Wrong: per-account locks taken in call order (self, then to): transfers can deadlock."""

import asyncio

EXPECT = "fixed order"


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = asyncio.Lock()

    async def transfer(self, to, amount):
        async with self.lock:
            async with to.lock:
                mine, theirs = self.balance, to.balance
                await asyncio.sleep(0)
                self.balance, to.balance = mine - amount, theirs + amount
