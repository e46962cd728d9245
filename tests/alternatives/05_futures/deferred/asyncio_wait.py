"""Correct in another style: asyncio.wait() on the shared future (it never cancels what it
waits for), then the future's result (or its exception)."""

import asyncio


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
        await asyncio.wait([self._future])
        return self._future.result()
