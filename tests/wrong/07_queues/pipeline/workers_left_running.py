"""Wrong: joins every queue but never stops the workers, which wait in get() forever."""

import asyncio

EXPECT = "still running"


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
    for stage, width in zip(steps, widths):
        for _ in range(width):
            asyncio.create_task(worker(*stage))
    for queue in queues:
        await queue.join()
