"""Wrong: caps the pool at 16 consumers "to be safe", so a caller asking for more gets fewer
handle() calls at once than it asked for."""

import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import Any

EXPECT = "as many as asked"

_STOP = object()  # the sentinel: a unique object no real item can be equal to
MAX_CONSUMERS = 16  # "to be safe"


async def drain_and_stop(
    queue: asyncio.Queue[Any], consumers: int, handle: Callable[[Any], Awaitable[Any]]
) -> None:
    """Let `consumers` tasks handle every item of `queue`, then stop them all."""
    if sys.version_info >= (3, 13):

        async def consumer() -> None:
            while True:
                try:
                    item = await queue.get()
                except asyncio.QueueShutDown:  # shut down and empty: time to stop
                    return
                try:
                    await handle(item)
                finally:
                    queue.task_done()

        tasks = [asyncio.create_task(consumer()) for _ in range(min(consumers, MAX_CONSUMERS))]
        # No more puts; get() still hands out what is left, then raises QueueShutDown.
        queue.shutdown()
    else:

        async def consumer() -> None:
            while True:
                item = await queue.get()
                try:
                    if item is _STOP:
                        return  # this consumer's own stop signal: take no more items
                    await handle(item)
                finally:
                    queue.task_done()  # the sentinel counts as an item too

        tasks = [asyncio.create_task(consumer()) for _ in range(min(consumers, MAX_CONSUMERS))]
        for _ in range(min(consumers, MAX_CONSUMERS)):
            await queue.put(_STOP)  # one per consumer; await: the queue may be full
    await asyncio.gather(*tasks)
