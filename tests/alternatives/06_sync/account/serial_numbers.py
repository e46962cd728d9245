"""Correct in another style: accounts numbered at creation; locks taken by number, explicitly."""

import asyncio
import itertools

_numbers = itertools.count()


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.number = next(_numbers)
        self._lock = asyncio.Lock()

    async def transfer(self, to, amount):
        if to is self:
            async with self._lock:  # nothing moves, but wait for transfers in progress
                return
        low, high = (self, to) if self.number < to.number else (to, self)
        await low._lock.acquire()
        try:
            await high._lock.acquire()
            try:
                mine, theirs = self.balance, to.balance
                await asyncio.sleep(0)
                self.balance, to.balance = mine - amount, theirs + amount
            finally:
                high._lock.release()
        finally:
            low._lock.release()
