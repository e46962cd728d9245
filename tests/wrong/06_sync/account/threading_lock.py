"""Wrong: a threading.Lock per account; a second transfer waiting on it blocks the loop."""

import asyncio
import threading

EXPECT = "threading.Lock"


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = threading.Lock()

    async def transfer(self, to, amount):
        first, second = sorted((self, to), key=id)
        with first.lock, second.lock:
            mine, theirs = self.balance, to.balance
            await asyncio.sleep(0)
            self.balance, to.balance = mine - amount, theirs + amount
