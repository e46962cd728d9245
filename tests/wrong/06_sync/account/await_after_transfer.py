"""Wrong: the transfer awaits asyncio.sleep(0) once more after releasing the locks ("to let the others run"): each transfer takes two awaits, not the one of the three steps."""

import asyncio

EXPECT = "each holding both locks for 1 s took 13 s of loop time"


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = asyncio.Lock()

    async def transfer(self, to, amount):
        if to is self:
            return
        first, second = (self, to) if id(self) < id(to) else (to, self)
        async with first.lock:
            async with second.lock:
                mine, theirs = self.balance, to.balance
                await asyncio.sleep(0)
                self.balance, to.balance = mine - amount, theirs + amount
        await asyncio.sleep(0)
