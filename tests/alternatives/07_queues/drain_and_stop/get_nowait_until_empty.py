"""Correct in another style: nothing is added to the queue while it drains, so each consumer
takes items with get_nowait() and stops at the first QueueEmpty (no stop signal needed)."""

import asyncio


async def drain_and_stop(queue, consumers, handle):
    async def consumer():
        while True:
            try:
                item = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            try:
                await handle(item)
            finally:
                queue.task_done()

    async with asyncio.TaskGroup() as group:
        for _ in range(consumers):
            group.create_task(consumer())
