"""Wrong: ignores widths and starts one worker per stage."""

import asyncio

EXPECT = "start widths[0] fetch workers"


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

    tasks = [
        asyncio.create_task(worker(queues[0], fetch, queues[1])),
        asyncio.create_task(worker(queues[1], parse, queues[2])),
        asyncio.create_task(worker(queues[2], store, None)),
    ]
    for queue in queues:
        await queue.join()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
