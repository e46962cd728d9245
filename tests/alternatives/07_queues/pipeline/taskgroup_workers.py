"""Correct in another style: the workers are tasks of a TaskGroup; after joining the queues
in stage order, pipeline cancels them inside the block and the group awaits them (a
cancelled pipeline: the group cancels its workers and lets the CancelledError out)."""

import asyncio


async def pipeline(urls, fetch, parse, store, widths):
    qs = [asyncio.Queue() for _ in range(3)]
    for url in urls:
        qs[0].put_nowait(url)

    async def worker(i, step):
        while True:
            item = await qs[i].get()
            try:
                result = await step(item)
                if i < 2:
                    qs[i + 1].put_nowait(result)
            finally:
                qs[i].task_done()

    async with asyncio.TaskGroup() as tg:
        tasks = [
            tg.create_task(worker(i, step))
            for i, (step, width) in enumerate(zip((fetch, parse, store), widths, strict=True))
            for _ in range(width)
        ]
        for q in qs:
            await q.join()
        for t in tasks:
            t.cancel()
