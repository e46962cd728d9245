"""Wrong: one future per waiter, all settled without checking them: a cancelled waiter's
future is already done, so resolve() raises InvalidStateError and the waiters after it in
the list are never woken."""

import asyncio

EXPECT = "The cancelled waiter's future is already done"


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
