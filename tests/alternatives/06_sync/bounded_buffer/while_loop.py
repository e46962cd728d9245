"""Correct in another style: explicit `while ...: await cond.wait()` loops and a list."""

import asyncio


class BoundedBuffer:
    def __init__(self, capacity):
        self._capacity = capacity
        self._items = []
        self._changed = asyncio.Condition()

    async def put(self, x):
        async with self._changed:
            while len(self._items) >= self._capacity:
                await self._changed.wait()
            self._items.append(x)
            self._changed.notify_all()

    async def get(self):
        async with self._changed:
            while not self._items:
                await self._changed.wait()
            self._changed.notify_all()
            return self._items.pop(0)
