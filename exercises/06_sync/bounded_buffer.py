"""Bounded buffer: a producer/consumer buffer built on one asyncio.Condition.

Write `BoundedBuffer(capacity)`, a first-in-first-out buffer holding at most `capacity`
items:

- `await buf.put(x)` adds `x`, first waiting while the buffer is full;
- `await buf.get()` removes and returns the oldest item, first waiting while it is empty.

Any item may be put, `None` included, and the same item any number of times. A `put` or
`get` cancelled while it waits gives up cleanly: the buffer keeps working for the others.
Each buffer holds its own items: two buffers never share them.

Build it on one `asyncio.Condition` (it holds a lock): every `put` and `get` works inside
`async with self.cond:`, waits there for its condition, and after changing the buffer
calls `self.cond.notify_all()` to wake the waiters (putters and getters wait on the same
Condition, so `notify()` could wake the wrong kind and leave the right one asleep).

The classic bug: `if not self.items: await self.cond.wait()`. Being woken does not mean
the condition holds: between the notify and the moment the woken task gets the lock back,
another task can slip in and take the item (or fill the free slot). Always re-check after
waking: `await self.cond.wait_for(lambda: ...)` does the loop for you.

    >>> buf = BoundedBuffer(2)
    >>> await buf.put("a"); await buf.put("b")
    >>> await buf.get()
    'a'

Key API: `asyncio.Condition`, `async with cond:`, `await cond.wait_for(predicate)`,
`cond.notify_all()`, `collections.deque`.

Grade it: nox -s grade -- bounded_buffer
"""

from typing import Any


class BoundedBuffer:
    """A FIFO buffer of at most `capacity` items; put waits when full, get when empty."""

    def __init__(self, capacity: int) -> None:
        raise NotImplementedError("keep the items, the capacity and one asyncio.Condition")

    async def put(self, x: Any) -> None:
        """Add `x`, waiting while the buffer is full."""
        raise NotImplementedError("wait_for room under the Condition, append, notify_all")

    async def get(self) -> Any:
        """Remove and return the oldest item, waiting while the buffer is empty."""
        raise NotImplementedError("wait_for an item under the Condition, pop it, notify_all")
