"""Wrong: joins only the first queue, then cancels every worker while items are mid-pipeline."""

import asyncio

EXPECT = "stop the workers before the last items got through"


async def pipeline(urls, fetch, parse, store, widths):
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

    steps = [(queues[0], fetch, queues[1]), (queues[1], parse, queues[2]), (queues[2], store, None)]
    tasks = [
        asyncio.create_task(worker(*stage))
        for stage, width in zip(steps, widths)
        for _ in range(width)
    ]
    await queues[0].join()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
