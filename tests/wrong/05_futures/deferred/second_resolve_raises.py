"""Wrong: a second resolve calls set_result on a done future and raises InvalidStateError."""

import asyncio

EXPECT = "only the first settlement counts"


class Deferred:
    def __init__(self):
        self._future = asyncio.get_running_loop().create_future()

    def resolve(self, value):
        self._future.set_result(value)

    def reject(self, exc):
        self._future.set_exception(exc)

    async def wait(self):
        return await asyncio.shield(self._future)
