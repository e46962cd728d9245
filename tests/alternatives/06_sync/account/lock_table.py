"""Correct in another style: per-account locks via a lock table, ordered by id, AsyncExitStack;
a self-transfer takes its one lock once and writes back what it read."""

import asyncio
import contextlib
from weakref import WeakKeyDictionary

_locks = WeakKeyDictionary()


def _lock(account):
    if account not in _locks:
        _locks[account] = asyncio.Lock()
    return _locks[account]


class Account:
    def __init__(self, balance):
        self.balance = balance

    async def transfer(self, to, amount):
        async with contextlib.AsyncExitStack() as stack:
            for account in sorted({self, to}, key=id):  # a set: a self-transfer locks once
                await stack.enter_async_context(_lock(account))
            mine, theirs = self.balance, to.balance
            await asyncio.sleep(0)
            if to is self:
                return
            self.balance, to.balance = mine - amount, theirs + amount
