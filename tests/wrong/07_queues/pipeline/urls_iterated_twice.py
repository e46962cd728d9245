"""Wrong: goes through `urls` twice (once to count them): a generator is empty the second
time, so nothing is fetched."""

import asyncio

EXPECT = "every url must be fetched"


async def pipeline(urls, fetch, parse, store, widths):
    total = sum(1 for _ in urls)
    queues = [asyncio.Queue() for _ in range(3)]
    for url in urls:
        queues[0].put_nowait(url)

    async def worker(inbox, step, outbox):
        while True:
            item = await inbox.get()
            try:
                result = await step(item)
                if outbox is not None:
                    await outbox.put(result)
            finally:
                inbox.task_done()

    stages = [(queues[0], fetch, queues[1]), (queues[1], parse, queues[2]), (queues[2], store, None)]
    tasks = [
        asyncio.create_task(worker(inbox, step, outbox))
        for (inbox, step, outbox), width in zip(stages, widths)
        for _ in range(width)
    ]
    if total:
        for queue in queues:
            await queue.join()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
