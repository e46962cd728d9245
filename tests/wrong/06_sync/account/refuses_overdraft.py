"""Wrong: refuses a transfer larger than the balance (a rule the kata never asked for), so
some transfers move nothing."""

import asyncio

EXPECT = "the balances of"


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = asyncio.Lock()

    async def transfer(self, to, amount):
        if to is self:
            return
        first, second = sorted((self, to), key=id)
        async with first.lock, second.lock:
            mine, theirs = self.balance, to.balance
            await asyncio.sleep(0)
            if amount > mine:
                return  # not enough money
            self.balance, to.balance = mine - amount, theirs + amount
