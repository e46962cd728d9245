"""Back-pressure: a bounded queue makes a fast producer wait for a slow consumer.

Write `produce_consume(source, sink, maxsize)`. `source` is an async iterator of items and
`sink` an async callable. Run a producer and a consumer at the same time, joined by
`asyncio.Queue(maxsize)`:

- the producer reads the source (`async for item in source`) and puts each item in the
  queue with `await queue.put(item)`: when the queue is full, `put` waits, so the producer
  never reads far ahead of the consumer;
- the consumer takes items with `await queue.get()` and calls `await sink(item)` for each,
  in the source's order, one call at a time.

Return (None) when every item has been through the sink, with no task left running. The
items may be anything, `None`, falsy values and repeats included, and the source may be
empty. If the caller cancels `produce_consume`, the producer and the consumer are cancelled
too, and the `CancelledError` propagates.
`maxsize` is at least 1 (`asyncio.Queue(0)` would be unbounded). Signal the end of the
source to the consumer somehow: a sentinel object after the last item is the classic way.

    >>> await produce_consume(numbers(), save, maxsize=3)
    # numbers() yields every 0.25 s, save() takes 1 s: the producer runs at most
    # 3 items (plus the one in its hand) ahead of save(), and it all takes 0.25 + n s

Key API: asyncio.Queue(maxsize), await queue.put, await queue.get, asyncio.TaskGroup.

Grade it: nox -s grade -- backpressure
"""

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any


async def produce_consume(
    source: AsyncIterator[Any], sink: Callable[[Any], Awaitable[Any]], maxsize: int
) -> None:
    """Feed every item of `source` to `sink` through a queue of at most `maxsize` items."""
    raise NotImplementedError("run a producer and a consumer joined by asyncio.Queue(maxsize)")
