"""Correct in another style: an Event and an outcome pair; each wait() yields once first."""

import asyncio
from typing import Any


class Deferred:
    def __init__(self) -> None:
        self._event = asyncio.Event()
        self._outcome: tuple[bool, Any] | None = None

    def _settle(self, ok: bool, payload: Any) -> None:
        if self._outcome is None:
            self._outcome = (ok, payload)
            self._event.set()

    def resolve(self, value: Any) -> None:
        self._settle(True, value)

    def reject(self, exc: BaseException) -> None:
        self._settle(False, exc)

    async def wait(self) -> Any:
        await asyncio.sleep(0)  # be fair to other tasks before checking
        await self._event.wait()
        ok, payload = self._outcome
        if ok:
            return payload
        raise payload
