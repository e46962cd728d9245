"""Wrong: the first lock is taken with a bare acquire() and released only in the `finally:` after the second is taken: a transfer cancelled while it waits for the second lock keeps the first forever."""

from __future__ import annotations

import asyncio

EXPECT = "kept the first one it had taken"


class Account:
    def __init__(self, balance: int) -> None:
        self.balance = balance
        self.lock = asyncio.Lock()

    async def transfer(self, to: Account, amount: int) -> None:
        if to is self:
            return
        first, second = sorted((self, to), key=id)
        await first.lock.acquire()
        await second.lock.acquire()  # cancelled here: first.lock is never released
        try:
            mine, theirs = self.balance, to.balance
            await asyncio.sleep(0)
            self.balance, to.balance = mine - amount, theirs + amount
        finally:
            second.lock.release()
            first.lock.release()
