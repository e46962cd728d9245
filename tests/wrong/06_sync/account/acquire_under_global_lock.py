"""Wrong: one global "waiter" lock is held while a transfer acquires its two account locks
(the dining philosophers' arbitrator): a transfer waiting for a busy account holds it, so a
transfer between unrelated accounts waits too."""

from __future__ import annotations

import asyncio

EXPECT = "yet it waited for them"


class Account:
    def __init__(self, balance: int) -> None:
        self.balance = balance
        self.lock = asyncio.Lock()

    async def transfer(self, to: Account, amount: int) -> None:
        if to is self:
            return
        # a "waiter" (dining philosophers): one task at a time picks up both locks
        waiter = _waiter()
        async with waiter:
            await self.lock.acquire()
            try:
                await to.lock.acquire()
            except BaseException:
                self.lock.release()
                raise
        try:
            mine, theirs = self.balance, to.balance
            await asyncio.sleep(0)
            self.balance, to.balance = mine - amount, theirs + amount
        finally:
            to.lock.release()
            self.lock.release()


_WAITERS: dict[object, asyncio.Lock] = {}


def _waiter() -> asyncio.Lock:
    loop = asyncio.get_running_loop()
    if loop not in _WAITERS:
        _WAITERS[loop] = asyncio.Lock()
    return _WAITERS[loop]
