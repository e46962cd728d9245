"""Wrong: None stands for "not settled yet", so after resolve(None) a later resolve wins."""

import asyncio

EXPECT = "None and falsy values too"


class Deferred:
    def __init__(self):
        self._event = asyncio.Event()
        self._value = None
        self._error = None

    def resolve(self, value):
        if self._value is None and self._error is None:
            self._value = value
            self._event.set()

    def reject(self, exc):
        if self._value is None and self._error is None:
            self._error = exc
            self._event.set()

    async def wait(self):
        await self._event.wait()
        if self._error is not None:
            raise self._error
        return self._value
