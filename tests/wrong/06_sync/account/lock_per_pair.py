"""Wrong: one lock per PAIR of accounts (keyed by both ids): transfers a->b and b->c take
different locks, so both read b's balance, await, and one write overwrites the other."""

from __future__ import annotations

import asyncio

EXPECT = "Updates were lost"

_pair_locks: dict[frozenset[int], asyncio.Lock] = {}


class Account:
    def __init__(self, balance: int) -> None:
        self.balance = balance

    async def transfer(self, to: Account, amount: int) -> None:
        key = frozenset((id(self), id(to)))
        lock = _pair_locks.setdefault(key, asyncio.Lock())
        async with lock:
            mine, theirs = self.balance, to.balance
            await asyncio.sleep(0)
            if to is self:
                return
            self.balance, to.balance = mine - amount, theirs + amount
