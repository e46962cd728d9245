"""Correct in another style: one future per waiter, all settled by the first resolve/reject
(a cancelled waiter's future is skipped), the outcome kept for later waiters."""

import asyncio


class Deferred:
    def __init__(self):
        self._waiters = []
        self._settled = False
        self._value = None
        self._error = None

    def _settle(self, value, error):
        if self._settled:
            return
        self._settled, self._value, self._error = True, value, error
        for future in self._waiters:
            if future.done():
                continue
            if error is not None:
                future.set_exception(error)
            else:
                future.set_result(value)

    def resolve(self, value):
        self._settle(value, None)

    def reject(self, exc):
        self._settle(None, exc)

    async def wait(self):
        if self._settled:
            if self._error is not None:
                raise self._error
            return self._value
        future = asyncio.get_running_loop().create_future()
        self._waiters.append(future)
        return await future
