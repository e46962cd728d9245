"""Account: transfers that never lose money, under asyncio locks (reference solution)."""

from __future__ import annotations

import asyncio


class Account:
    """A bank account whose transfers are safe under concurrency."""

    def __init__(self, balance: int) -> None:
        self.balance = balance
        # One lock per account: transfers between unrelated accounts never wait.
        self.lock = asyncio.Lock()

    async def transfer(self, to: Account, amount: int) -> None:
        """Move `amount` to `to`: read both, `await asyncio.sleep(0)`, write both."""
        if to is self:
            # Nothing moves. (Taking self.lock twice would wait forever: not reentrant.)
            return
        # Always lock in the same global order, or A->B and B->A could deadlock.
        first, second = sorted((self, to), key=id)
        async with first.lock, second.lock:
            mine, theirs = self.balance, to.balance
            await asyncio.sleep(0)
            self.balance, to.balance = mine - amount, theirs + amount
