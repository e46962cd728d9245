"""Correct in another style: the future is created lazily, on first use."""

import asyncio


class Deferred:
    def __init__(self):
        self._future = None

    def _get(self):
        if self._future is None:
            self._future = asyncio.get_running_loop().create_future()
        return self._future

    def resolve(self, value):
        future = self._get()
        if not future.done():
            future.set_result(value)

    def reject(self, exc):
        future = self._get()
        if not future.done():
            future.set_exception(exc)

    async def wait(self):
        future = self._get()
        if future.done():
            return future.result()
        return await asyncio.shield(future)
