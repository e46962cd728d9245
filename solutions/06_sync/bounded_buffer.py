"""Bounded buffer: a producer/consumer buffer on one asyncio.Condition (reference solution)."""

import asyncio
from collections import deque
from typing import Any


class BoundedBuffer:
    """A FIFO buffer of at most `capacity` items; put waits when full, get when empty."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.items: deque[Any] = deque()
        self.cond = asyncio.Condition()

    async def put(self, x: Any) -> None:
        """Add `x`, waiting while the buffer is full."""
        async with self.cond:
            # wait_for re-checks after every wake-up: another task may have filled the slot.
            await self.cond.wait_for(lambda: len(self.items) < self.capacity)
            self.items.append(x)
            # Putters and getters share the Condition: wake them all, each re-checks.
            self.cond.notify_all()

    async def get(self) -> Any:
        """Remove and return the oldest item, waiting while the buffer is empty."""
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) > 0)
            item = self.items.popleft()
            self.cond.notify_all()
            return item
