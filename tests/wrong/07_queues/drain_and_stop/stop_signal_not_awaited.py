"""Wrong: tells the consumers to stop and returns without awaiting them, while they are
still on their way out. On Python 3.13+ it calls queue.shutdown() and waits for
queue.join() (with an empty queue, join() returns before any consumer has run); before
3.13 it puts the sentinels and returns."""

import asyncio
import sys

EXPECT = "still running"

_STOP = object()


async def drain_and_stop(queue, consumers, handle):
    async def consumer():
        while True:
            try:
                item = await queue.get()
            except getattr(asyncio, "QueueShutDown", ()):
                return
            try:
                if item is _STOP:
                    return
                await handle(item)
            finally:
                queue.task_done()

    for _ in range(consumers):
        asyncio.create_task(consumer())  # noqa: RUF006 - the mistake: never awaited
    if sys.version_info >= (3, 13):
        queue.shutdown()
        await queue.join()
        return
    for _ in range(consumers):
        await queue.put(_STOP)
