"""Wrong: the list of waiting futures is a class attribute, shared by every Deferred:
settling one Deferred also wakes the waiters of another."""

import asyncio

EXPECT = "settled another Deferred"


class Deferred:
    _waiters = []  # noqa: RUF012 - one list for the class, not one per Deferred

    def __init__(self):
        self._settled = False
        self._outcome = None

    def _settle(self, outcome):
        if self._settled:
            return
        self._settled, self._outcome = True, outcome
        for future in self._waiters:
            if not future.done():
                future.set_result(outcome)
        self._waiters.clear()

    def resolve(self, value):
        self._settle(("value", value))

    def reject(self, exc):
        self._settle(("error", exc))

    async def wait(self):
        if self._settled:
            kind, value = self._outcome
        else:
            future = asyncio.get_running_loop().create_future()
            self._waiters.append(future)
            kind, value = await future
        if kind == "error":
            raise value
        return value
