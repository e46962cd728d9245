"""Correct in another style: a dataclass with slots=True, its asyncio.Lock from default_factory."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field


@dataclass(slots=True, eq=False)
class Account:
    balance: int
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def transfer(self, to: Account, amount: int) -> None:
        if to is self:
            return
        first, second = sorted((self, to), key=id)
        async with first.lock, second.lock:
            mine, theirs = self.balance, to.balance
            await asyncio.sleep(0)
            self.balance, to.balance = mine - amount, theirs + amount
