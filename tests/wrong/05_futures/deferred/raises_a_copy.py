"""Wrong: wait() raises a new exception built from the rejected one's type and arguments,
not the very exception object given to reject()."""

import asyncio

EXPECT = "raise the very object given to reject(), not a copy"


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
            raise type(self._error)(*self._error.args)
        return self._value
