"""Wrong: the urls go through a set first, so a repeated url is fetched only once (and the
order is lost)."""

import asyncio

EXPECT = "every url must be fetched"


async def pipeline(urls, fetch, parse, store, widths):
    queues = [asyncio.Queue() for _ in range(3)]
    for url in set(urls):
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
    for queue in queues:
        await queue.join()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
