"""Wrong: resolve and reject written as `async def`: called without await, they do nothing."""

import asyncio

EXPECT = "it must be a plain method"


class Deferred:
    def __init__(self):
        self._future = asyncio.get_running_loop().create_future()

    async def resolve(self, value):
        if not self._future.done():
            self._future.set_result(value)

    async def reject(self, exc):
        if not self._future.done():
            self._future.set_exception(exc)

    async def wait(self):
        return await asyncio.shield(self._future)
