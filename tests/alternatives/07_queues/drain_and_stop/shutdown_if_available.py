"""Correct in another style: shutdown() when the queue has it, else a sentinel per consumer."""

import asyncio

STOP = object()
ShutDown = getattr(asyncio, "QueueShutDown", None)


async def drain_and_stop(queue, consumers, handle):
    async def consumer():
        while True:
            try:
                item = await queue.get()
            except Exception as exc:
                if ShutDown is not None and isinstance(exc, ShutDown):
                    return
                raise
            try:
                if item is STOP:
                    return
                await handle(item)
            finally:
                queue.task_done()

    tasks = [asyncio.create_task(consumer()) for _ in range(consumers)]
    if hasattr(queue, "shutdown"):
        queue.shutdown()
    else:
        for _ in range(consumers):
            await queue.put(STOP)
    await asyncio.gather(*tasks)
