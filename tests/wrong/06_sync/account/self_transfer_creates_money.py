"""Wrong: the locks are deduplicated, but a transfer to itself still writes back
`theirs + amount` over `mine - amount`: money appears."""

import asyncio
import contextlib

EXPECT = "money appeared"


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = asyncio.Lock()

    async def transfer(self, to, amount):
        async with contextlib.AsyncExitStack() as stack:
            for account in sorted({self, to}, key=id):
                await stack.enter_async_context(account.lock)
            mine, theirs = self.balance, to.balance
            await asyncio.sleep(0)
            self.balance, to.balance = mine - amount, theirs + amount
