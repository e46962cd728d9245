"""Wrong: resolve/reject wake only the first waiter, and each woken waiter wakes the next one
("pass the baton"): a waiter cancelled between its wake-up and its turn breaks the chain, and
every waiter behind it waits forever."""

import asyncio
from collections import deque
from typing import Any

EXPECT = "the other 2 waiters were still waiting 600 s later"


class Deferred:
    """A one-shot value: resolved or rejected once, awaited by any number of waiters."""

    def __init__(self) -> None:
        self._waiters: deque[asyncio.Future[None]] = deque()
        self._settled = False
        self._value: Any = None
        self._error: BaseException | None = None

    def _wake_next(self) -> None:
        while self._waiters:
            future = self._waiters.popleft()
            if not future.done():
                future.set_result(None)
                return

    def resolve(self, value: Any) -> None:
        """Settle with ``value`` (only the first settlement counts)."""
        if not self._settled:
            self._settled, self._value = True, value
            self._wake_next()

    def reject(self, exc: BaseException) -> None:
        """Settle with the exception ``exc`` (only the first settlement counts)."""
        if not self._settled:
            self._settled, self._error = True, exc
            self._wake_next()

    async def wait(self) -> Any:
        """Return the value (or raise the exception) once settled."""
        if not self._settled:
            future = asyncio.get_running_loop().create_future()
            self._waiters.append(future)
            await future
            self._wake_next()  # pass the wake-up on to the next waiter
        if self._error is not None:
            raise self._error
        return self._value
