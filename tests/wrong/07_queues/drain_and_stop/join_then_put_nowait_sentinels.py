"""Wrong: waits for queue.join(), then puts the sentinels with put_nowait(): a drained queue
with fewer places than consumers cannot hold them all, and raises QueueFull."""

import asyncio

EXPECT = "could not add a sentinel"

_STOP = object()


async def drain_and_stop(queue, consumers, handle):
    async def consumer():
        while True:
            item = await queue.get()
            try:
                if item is _STOP:
                    return
                await handle(item)
            finally:
                queue.task_done()

    tasks = [asyncio.create_task(consumer()) for _ in range(consumers)]
    await queue.join()
    for _ in range(consumers):
        queue.put_nowait(_STOP)
    await asyncio.gather(*tasks)
