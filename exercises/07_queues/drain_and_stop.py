"""Drain, then stop: N consumers empty a queue, then every one of them stops.

Write `drain_and_stop(queue, consumers, handle)`. `queue` is an `asyncio.Queue` already
holding some items (it may be bounded, and full). Start `consumers` consumer tasks; each
takes items with `await queue.get()`, calls `await handle(item)` and then
`queue.task_done()` (so `queue.join()` keeps working for others). The items may be
anything, `None` and repeats included, and the queue may be empty. Once every item has been
handled, all consumers must stop, and `drain_and_stop` returns after they have.

A consumer blocked in `queue.get()` waits forever unless you tell it to stop:

- Python 3.13+: `queue.shutdown()`. Consumers still get the remaining items; once the
  queue is empty, `get()` raises `asyncio.QueueShutDown` in every waiting consumer.
- Any Python: a sentinel, a unique object such as `STOP = object()`, put after the items,
  ONE PER CONSUMER: the consumer that gets one stops, so it never takes a second one.
  Put it with `await queue.put(STOP)`: a bounded queue may be full.

Your code must work on Python 3.11 too: branch on `sys.version_info >= (3, 13)` if you
want to use shutdown.

    >>> await drain_and_stop(queue_with_6_items, consumers=3, handle=save)
    # save() takes 1 s: three at a time, done and stopped after 2 s

Key API: asyncio.Queue, get, put, task_done, Queue.shutdown, asyncio.QueueShutDown.

Grade it: nox -s grade -- drain_and_stop
"""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


async def drain_and_stop(
    queue: asyncio.Queue[Any], consumers: int, handle: Callable[[Any], Awaitable[Any]]
) -> None:
    """Let `consumers` tasks handle every item of `queue`, then stop them all."""
    raise NotImplementedError("start the consumers, signal each to stop, await them")
