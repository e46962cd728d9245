"""Wrong: step 2 (the await) dropped, so no race can show, and no lock guards anything."""

EXPECT = "never awaited `asyncio.sleep(0)`"


class Account:
    def __init__(self, balance):
        self.balance = balance

    async def transfer(self, to, amount):
        if to is self:
            return
        mine, theirs = self.balance, to.balance
        self.balance, to.balance = mine - amount, theirs + amount
