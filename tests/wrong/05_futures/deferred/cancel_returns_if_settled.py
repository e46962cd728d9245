"""Wrong: a waiter cancelled after the Deferred was settled (but before it woke) swallows the
CancelledError and returns the value anyway, instead of ending cancelled."""

import asyncio
from typing import Any

EXPECT = "beside 2 other waiters, returned 'ready' instead of ending cancelled"


class Deferred:
    """A one-shot value: resolved or rejected once, awaited by any number of waiters."""

    def __init__(self) -> None:
        self._future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()

    def resolve(self, value: Any) -> None:
        """Settle with ``value`` (only the first settlement counts)."""
        if not self._future.done():
            self._future.set_result(value)

    def reject(self, exc: BaseException) -> None:
        """Settle with the exception ``exc`` (only the first settlement counts)."""
        if not self._future.done():
            self._future.set_exception(exc)

    async def wait(self) -> Any:
        """Return the value (or raise the exception) once settled."""
        try:
            return await asyncio.shield(self._future)
        except asyncio.CancelledError:
            # Settled already? Then the value is there: no need to lose it.
            if self._future.done():
                return self._future.result()
            raise
