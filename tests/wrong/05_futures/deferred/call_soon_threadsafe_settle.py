"""Wrong: resolve and reject only schedule the settling with call_soon_threadsafe, so a
second resolve in the same step still sees an unsettled future, and its set_result raises
InvalidStateError later, in a callback."""

import asyncio

EXPECT = "only scheduled the settling"


class Deferred:
    def __init__(self):
        self._loop = asyncio.get_running_loop()
        self._future = self._loop.create_future()

    def resolve(self, value):
        if not self._future.done():
            self._loop.call_soon_threadsafe(self._future.set_result, value)

    def reject(self, exc):
        if not self._future.done():
            self._loop.call_soon_threadsafe(self._future.set_exception, exc)

    async def wait(self):
        return await asyncio.shield(self._future)
