"""Correct in another style: sentinels on every Python, consumers in a TaskGroup."""

import asyncio

STOP = object()


async def drain_and_stop(queue, consumers, handle):
    async def consumer():
        while True:
            item = await queue.get()
            try:
                if item is STOP:
                    return
                await handle(item)
            finally:
                queue.task_done()

    async with asyncio.TaskGroup() as group:
        for _ in range(consumers):
            group.create_task(consumer())
        for _ in range(consumers):
            await queue.put(STOP)
