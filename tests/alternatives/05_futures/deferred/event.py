"""Correct in another style: an asyncio.Event plus the stored outcome."""

import asyncio


class Deferred:
    def __init__(self):
        self._event = asyncio.Event()
        self._value = None
        self._error = None

    def resolve(self, value):
        if not self._event.is_set():
            self._value = value
            self._event.set()

    def reject(self, exc):
        if not self._event.is_set():
            self._error = exc
            self._event.set()

    async def wait(self):
        await self._event.wait()
        if self._error is not None:
            raise self._error
        return self._value
