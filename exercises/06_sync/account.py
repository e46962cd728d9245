"""Account: transfers that never lose money, under asyncio locks.

`Account(balance)` keeps its money in the attribute `balance`. Write `transfer(to, amount)`,
which moves `amount` from this account to `to` in three steps, exactly like this:

    mine, theirs = self.balance, to.balance            # 1. read both balances
    await asyncio.sleep(0)                            # 2. await (think: a database trip)
    self.balance, to.balance = mine - amount, theirs + amount   # 3. write both back

While one transfer awaits in step 2, others run, read the same old balances, and
overwrite each other's writes: money appears and vanishes. Guard the steps with locks:

- give each account its own `asyncio.Lock` and hold both accounts' locks during a transfer
  (`async with lock:`), so transfers between *unrelated* accounts still run at the same
  time. One lock for everything would be correct but would serialise the whole bank;
- take the two locks in one fixed order (for example sorted by `id(account)`): if one
  transfer takes A then B while another takes B then A, they can wait for each other
  forever (a deadlock);
- not `threading.Lock`: it blocks the event loop's only thread, and a second transfer
  waiting for it freezes everything.

A transfer to the same account (`a.transfer(a, 10)`) moves nothing: the balance stays as it
is, and it must not deadlock (an `asyncio.Lock` is not reentrant: taking it a second time
waits forever for yourself).

    >>> a, b = Account(100), Account(0)
    >>> await asyncio.gather(*(a.transfer(b, 1) for _ in range(100)))
    >>> a.balance, b.balance
    (0, 100)

Key API: `asyncio.Lock()`, `async with lock:`.

Grade it: nox -s grade -- account
"""

from __future__ import annotations


class Account:
    """A bank account whose transfers are safe under concurrency."""

    def __init__(self, balance: int) -> None:
        raise NotImplementedError("store the balance and give the account its own asyncio.Lock")

    async def transfer(self, to: Account, amount: int) -> None:
        """Move `amount` to `to`: read both, `await asyncio.sleep(0)`, write both."""
        raise NotImplementedError("hold both accounts' locks, taken in a fixed order")
