"""Correct in another style: bounded queues, and sentinels passed down when a stage ends."""

import asyncio

STOP = object()


async def pipeline(urls, fetch, parse, store, widths):
    to_parse = asyncio.Queue(1)
    to_store = asyncio.Queue(1)
    to_fetch = asyncio.Queue()
    for url in urls:
        to_fetch.put_nowait(url)
    for _ in range(widths[0]):
        to_fetch.put_nowait(STOP)

    async def stage(inbox, step, outbox, width, next_width):
        async def worker():
            while (item := await inbox.get()) is not STOP:
                result = await step(item)
                if outbox is not None:
                    await outbox.put(result)

        async with asyncio.TaskGroup() as group:
            for _ in range(width):
                group.create_task(worker())
        if outbox is not None:
            for _ in range(next_width):  # one stop signal per worker of the next stage
                await outbox.put(STOP)

    async with asyncio.TaskGroup() as group:
        group.create_task(stage(to_fetch, fetch, to_parse, widths[0], widths[1]))
        group.create_task(stage(to_parse, parse, to_store, widths[1], widths[2]))
        group.create_task(stage(to_store, store, None, widths[2], 0))
