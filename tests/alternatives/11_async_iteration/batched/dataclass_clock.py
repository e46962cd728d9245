"""Correct in another style: a dataclass keeps the batch and its deadline, with the clock as a
field whose default is time.monotonic (a clock one step from the module's names)."""

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

_END = object()


@dataclass
class _Batch:
    max_wait: float
    clock: Callable[[], float] = time.monotonic
    items: list = field(default_factory=list)
    deadline: float = 0.0

    def add(self, item):
        if not self.items:
            self.deadline = self.clock() + self.max_wait
        self.items.append(item)

    def remaining(self):
        return max(0.0, self.deadline - self.clock()) if self.items else None

    def take(self):
        out, self.items = self.items, []
        return out


async def _next(ait):
    try:
        return await anext(ait)
    except StopAsyncIteration:
        return _END


async def batched(ait, size, max_wait):
    batch = _Batch(max_wait)
    task = None
    try:
        while True:
            if task is None:
                task = asyncio.create_task(_next(ait))
            done, _ = await asyncio.wait({task}, timeout=batch.remaining())
            if not done:
                yield batch.take()
                continue
            item, task = task.result(), None
            if item is _END:
                break
            batch.add(item)
            if len(batch.items) >= size:
                yield batch.take()
        if batch.items:
            yield batch.take()
    finally:
        if task is not None:
            task.cancel()
            await asyncio.wait({task})
