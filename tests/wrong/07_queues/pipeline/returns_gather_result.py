"""Wrong: returns what the final gather of the cancelled workers gave (a list of
CancelledError objects) instead of None."""

import asyncio

EXPECT = "returned ["


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
        for _ in range(width)
    ]
    try:
        for queue in (to_fetch, to_parse, to_store):
            await queue.join()
    finally:
        for task in tasks:
            task.cancel()
        ended = await asyncio.gather(*tasks, return_exceptions=True)
    return ended
