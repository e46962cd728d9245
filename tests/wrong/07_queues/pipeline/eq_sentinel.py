"""Wrong: stops the stages with sentinels compared with `==` (`item == STOP`): a page or
record whose __eq__ says True (a mock.ANY, a numpy array...) is taken for the stop signal."""

import asyncio

EXPECT = "parse() never got the item <an item equal to everything>"

STOP = object()


async def pipeline(urls, fetch, parse, store, widths):
    f, p, s = widths
    to_fetch, to_parse, to_store = asyncio.Queue(), asyncio.Queue(), asyncio.Queue()
    for url in urls:
        to_fetch.put_nowait(url)
    for _ in range(f):
        to_fetch.put_nowait(STOP)

    async def worker(inbox, step, outbox):
        while True:
            item = await inbox.get()
            if item == STOP:
                return
            result = await step(item)
            if outbox is not None:
                await outbox.put(result)

    async def stage(inbox, step, outbox, width, next_width):
        workers = [asyncio.create_task(worker(inbox, step, outbox)) for _ in range(width)]
        try:
            await asyncio.gather(*workers)
        finally:
            for w in workers:
                w.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
        if outbox is not None:
            for _ in range(next_width):
                await outbox.put(STOP)

    async with asyncio.TaskGroup() as group:
        group.create_task(stage(to_fetch, fetch, to_parse, f, p))
        group.create_task(stage(to_parse, parse, to_store, p, s))
        group.create_task(stage(to_store, store, None, s, 0))
