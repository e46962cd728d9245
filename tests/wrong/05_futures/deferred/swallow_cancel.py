"""Wrong: wait() catches the CancelledError of a cancelled waiter and returns None, as if
the Deferred had been resolved with None."""

import asyncio

EXPECT = "swallowed the CancelledError"


class Deferred:
    def __init__(self):
        self._future = asyncio.get_running_loop().create_future()

    def resolve(self, value):
        if not self._future.done():
            self._future.set_result(value)

    def reject(self, exc):
        if not self._future.done():
            self._future.set_exception(exc)

    async def wait(self):
        try:
            return await asyncio.shield(self._future)
        except asyncio.CancelledError:
            return None
