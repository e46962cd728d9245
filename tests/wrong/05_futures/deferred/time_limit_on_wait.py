"""Wrong: wait() puts a generous time limit of its own (an hour) on the wait: a Deferred
settled later makes every waiter raise TimeoutError instead of getting the value."""

import asyncio

EXPECT = "put no time limit of your own on it"


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
        return await asyncio.wait_for(asyncio.shield(self._future), timeout=3600)
