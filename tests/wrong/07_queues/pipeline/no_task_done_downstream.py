"""Wrong: only the fetch workers call task_done(); the parse queue's join() waits forever."""

import asyncio

EXPECT = "task_done() was called 0 time(s)"


async def pipeline(urls, fetch, parse, store, widths):
    queues = [asyncio.Queue() for _ in range(3)]
    for url in urls:
        queues[0].put_nowait(url)

    async def worker(inbox, step, outbox, counted):
        while True:
            item = await inbox.get()
            result = await step(item)
            if outbox is not None:
                await outbox.put(result)
            if counted:
                inbox.task_done()

    stages = [
        (queues[0], fetch, queues[1], True),
        (queues[1], parse, queues[2], False),
        (queues[2], store, None, False),
    ]
    tasks = [
        asyncio.create_task(worker(*stage))
        for stage, width in zip(stages, widths)
        for _ in range(width)
    ]
    for queue in queues:
        await queue.join()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
