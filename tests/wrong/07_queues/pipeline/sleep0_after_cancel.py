"""Wrong: cancels the workers, then gives them one loop step (`asyncio.sleep(0)`) instead of
awaiting them."""

import asyncio

EXPECT = "were still running"


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

    stages = [(queues[0], fetch, queues[1]), (queues[1], parse, queues[2]), (queues[2], store, None)]
    tasks = [
        asyncio.create_task(worker(inbox, step, outbox))
        for (inbox, step, outbox), width in zip(stages, widths)
        for _ in range(width)
    ]
    try:
        for queue in queues:
            await queue.join()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.sleep(0)
