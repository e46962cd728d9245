"""Wrong: both locks are acquired at once with gather(); cancelled while one lock is busy, gather cancels the waiting acquire but the lock already taken is never released."""

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
        await asyncio.gather(first.lock.acquire(), second.lock.acquire())
        try:
            mine, theirs = self.balance, to.balance
            await asyncio.sleep(0)
            self.balance, to.balance = mine - amount, theirs + amount
        finally:
            first.lock.release()
            second.lock.release()
