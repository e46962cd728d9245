"""Wrong: when the last waiter is cancelled it cancels the shared future ("nobody waits any
more"), so a later resolve() is ignored and every later waiter ends cancelled."""

import asyncio
from typing import Any

EXPECT = "even when no other waiter is left"


class Deferred:
    """A one-shot value: resolved or rejected once, awaited by any number of waiters."""

    def __init__(self) -> None:
        # One future holds the outcome; every waiter awaits it.
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
        # shield: cancelling this waiter cancels only the shield, not the shared future.
        self._waiting = getattr(self, "_waiting", 0) + 1
        try:
            return await asyncio.shield(self._future)
        except asyncio.CancelledError:
            if self._waiting == 1:
                self._future.cancel()  # nobody waits any more
            raise
        finally:
            self._waiting -= 1
