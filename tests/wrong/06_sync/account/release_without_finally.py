"""Wrong: acquire() and release() with no finally: a transfer cancelled in its await keeps both locks."""

from __future__ import annotations

import asyncio

EXPECT = "never released its locks"


class Account:
    def __init__(self, balance: int) -> None:
        self.balance = balance
        self.lock = asyncio.Lock()

    async def transfer(self, to: Account, amount: int) -> None:
        if to is self:
            return
        first, second = sorted((self, to), key=id)
        await first.lock.acquire()
        await second.lock.acquire()
        mine, theirs = self.balance, to.balance
        await asyncio.sleep(0)
        self.balance, to.balance = mine - amount, theirs + amount
        second.lock.release()
        first.lock.release()
