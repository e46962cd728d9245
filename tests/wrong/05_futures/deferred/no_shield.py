"""Wrong: waiters await the shared future directly; cancelling one waiter cancels it for all."""

import asyncio

EXPECT = "shield"


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
        return await self._future
