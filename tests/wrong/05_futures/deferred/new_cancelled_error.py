"""Wrong: a cancelled waiter raises a new CancelledError of its own, not the one it was cancelled
with (the cancel message is lost)."""

import asyncio
from typing import Any

EXPECT = "not the one it was cancelled with"


class Deferred:
    """A one-shot value: resolved or rejected once, awaited by any number of waiters."""

    def __init__(self) -> None:
        self._event = asyncio.Event()
        self._value: Any = None
        self._error: BaseException | None = None

    def resolve(self, value: Any) -> None:
        """Settle with ``value`` (only the first settlement counts)."""
        if not self._event.is_set():
            self._value = value
            self._event.set()

    def reject(self, exc: BaseException) -> None:
        """Settle with the exception ``exc`` (only the first settlement counts)."""
        if not self._event.is_set():
            self._error = exc
            self._event.set()

    async def wait(self) -> Any:
        """Return the value (or raise the exception) once settled."""
        try:
            await self._event.wait()
        except asyncio.CancelledError:
            raise asyncio.CancelledError("Deferred.wait() cancelled") from None
        if self._error is not None:
            raise self._error
        return self._value
