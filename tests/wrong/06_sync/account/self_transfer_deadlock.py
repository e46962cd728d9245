"""Wrong: locks sorted by id, but a transfer to itself takes the same lock twice: it waits
forever for itself (an asyncio.Lock is not reentrant)."""

import asyncio

EXPECT = "not reentrant"


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = asyncio.Lock()

    async def transfer(self, to, amount):
        first, second = sorted((self, to), key=id)
        async with first.lock, second.lock:
            mine, theirs = self.balance, to.balance
            await asyncio.sleep(0)
            self.balance, to.balance = mine - amount, theirs + amount
