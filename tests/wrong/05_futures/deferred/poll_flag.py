"""Wrong: waiters poll a flag with asyncio.sleep, so they wake late and at different times."""

import asyncio

EXPECT = "polling"


class Deferred:
    def __init__(self):
        self._done = False
        self._value = None
        self._error = None

    def resolve(self, value):
        if not self._done:
            self._done, self._value = True, value

    def reject(self, exc):
        if not self._done:
            self._done, self._error = True, exc

    async def wait(self):
        while not self._done:
            await asyncio.sleep(0.05)
        if self._error is not None:
            raise self._error
        return self._value
