"""Wrong: when pipeline is cancelled it first lets the workers finish every queued url
("no half-done work"), and only then cancels them and re-raises: the workers keep taking
new items long after the cancellation."""

import asyncio

EXPECT = "after pipeline was cancelled"


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

    async def drain():
        for queue in (to_fetch, to_parse, to_store):
            await queue.join()

    try:
        await drain()
    except asyncio.CancelledError:
        await drain()  # finish what was started before stopping
        raise
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
