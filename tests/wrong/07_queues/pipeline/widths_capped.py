"""Wrong: caps every stage at 16 workers "to be safe", so a caller asking for wider stages gets
fewer calls at once than it asked for."""

import asyncio

EXPECT = "however many that is"

MAX_WIDTH = 16


async def pipeline(urls, fetch, parse, store, widths):
    to_fetch, to_parse, to_store = asyncio.Queue(), asyncio.Queue(), asyncio.Queue()
    for url in urls:
        to_fetch.put_nowait(url)

    async def worker(inbox, step, outbox):
        while True:
            item = await inbox.get()
            try:
                result = await step(item)
                if outbox is not None:
                    await outbox.put(result)
            finally:
                inbox.task_done()

    stages = [(to_fetch, fetch, to_parse), (to_parse, parse, to_store), (to_store, store, None)]
    tasks = [
        asyncio.create_task(worker(inbox, step, outbox))
        for (inbox, step, outbox), width in zip(stages, widths, strict=True)
        for _ in range(min(width, MAX_WIDTH))
    ]
    try:
        for queue in (to_fetch, to_parse, to_store):
            await queue.join()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
