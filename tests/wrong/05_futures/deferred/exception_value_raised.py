"""Wrong: reject stores the exception as the outcome, and wait raises any exception it finds: resolve(KeyError()) makes waiters raise."""

import asyncio

EXPECT = "an exception object too"


class Deferred:
    def __init__(self):
        self._event = asyncio.Event()
        self._outcome = None

    def resolve(self, value):
        if not self._event.is_set():
            self._outcome = value
            self._event.set()

    def reject(self, exc):
        self.resolve(exc)  # an exception is just a special outcome

    async def wait(self):
        await self._event.wait()
        if isinstance(self._outcome, BaseException):
            raise self._outcome
        return self._outcome
