"""Wrong: resolve() sets the Event and clears it at once ("wake the waiters, then reset"):
waiters already waiting wake, but a later wait() waits forever."""

import asyncio

EXPECT = "a cleared Event forgets that it was settled"


class Deferred:
    def __init__(self):
        self._event = asyncio.Event()
        self._settled = False
        self._value = None
        self._error = None

    def resolve(self, value):
        if not self._settled:
            self._settled, self._value = True, value
            self._event.set()
            self._event.clear()

    def reject(self, exc):
        if not self._settled:
            self._settled, self._error = True, exc
            self._event.set()
            self._event.clear()

    async def wait(self):
        await self._event.wait()
        if self._error is not None:
            raise self._error
        return self._value
