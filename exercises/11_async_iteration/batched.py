"""Batches with a deadline: group items into lists, but never make the first one wait long.

Write the async generator `batched(ait, size, max_wait)`. It reads the async iterator `ait`
and yields lists of items, in order:

- a batch is yielded as soon as it holds `size` items;
- a batch that is not full is yielded anyway `max_wait` seconds after its FIRST item
  arrived (do not wait for the next item to notice the deadline);
- when `ait` ends, the last partial batch is yielded at once; never yield an empty list;
- every item goes into a batch, whatever its value (`None` included), once, in order;
- if `ait` raises, `batched` raises that exception too (the batch in progress is lost).

The hard part: waiting for the next item with a timeout. `asyncio.wait_for(anext(ait), t)`
cancels the read when time is up, and cancelling an async generator's `__anext__` closes
that generator: the rest of its items are lost. Instead keep the pending read in a task
(`asyncio.create_task`) and wait on it with `asyncio.wait({task}, timeout=...)`: if time is
up, yield the batch and keep waiting on the same task. (Or pump `ait` into an
`asyncio.Queue` from a task, and `get()` from the queue with a timeout.) Whatever tasks you
start, cancel and await them in a `finally:` so breaking out of the loop early leaves
nothing running.

    >>> async for batch in batched(ticks(), size=3, max_wait=1.0):
    ...     print(loop.time(), batch)
    # ticks() yields 0 and 1 at once, then 2 after 10 s:
    1.0 [0, 1]       # partial: max_wait after item 0
    10.0 [2]         # the source ended

Key API: async generators (async def + yield), anext, asyncio.create_task, asyncio.wait,
asyncio.Queue, loop.time().

Grade it: nox -s grade -- batched
"""

from collections.abc import AsyncIterator
from typing import Any


async def batched(ait: AsyncIterator[Any], size: int, max_wait: float) -> AsyncIterator[list[Any]]:
    """Yield lists of up to `size` items; a partial one `max_wait` s after its first item."""
    raise NotImplementedError("read ait with a deadline per batch, yield the lists")
    yield []  # makes this an async generator (remove when you write yours)
