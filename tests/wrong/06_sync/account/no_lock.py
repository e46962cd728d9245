"""Wrong: no lock at all; concurrent transfers overwrite each other's writes."""

import asyncio

EXPECT = "updates were lost"


class Account:
    def __init__(self, balance):
        self.balance = balance

    async def transfer(self, to, amount):
        mine, theirs = self.balance, to.balance
        await asyncio.sleep(0)
        self.balance, to.balance = mine - amount, theirs + amount
