"""Wrong: None is the stop signal between stages, so a page (or record) that is None stops a
worker instead of going through the next step."""

import asyncio

EXPECT = "is a value like any other"


async def pipeline(urls, fetch, parse, store, widths):
    f, p, s = widths
    to_fetch, to_parse, to_store = asyncio.Queue(), asyncio.Queue(), asyncio.Queue()
    for url in urls:
        to_fetch.put_nowait(url)
    for _ in range(f):
        to_fetch.put_nowait(None)

    async def worker(inbox, step, outbox):
        while (item := await inbox.get()) is not None:
            result = await step(item)
            if outbox is not None:
                await outbox.put(result)

    async def stage(inbox, step, outbox, width, next_width):
        await asyncio.gather(*(worker(inbox, step, outbox) for _ in range(width)))
        if outbox is not None:
            for _ in range(next_width):
                await outbox.put(None)

    tasks = [
        asyncio.create_task(stage(to_fetch, fetch, to_parse, f, p)),
        asyncio.create_task(stage(to_parse, parse, to_store, p, s)),
        asyncio.create_task(stage(to_store, store, None, s, 0)),
    ]
    try:
        await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
