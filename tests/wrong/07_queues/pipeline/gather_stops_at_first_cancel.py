"""Wrong: awaits the cancelled workers with gather() without return_exceptions=True, so
gather raises as soon as the first cancelled worker ends and pipeline stops waiting for the
others (the parse workers still cleaning up)."""

import asyncio

EXPECT = "still cleaning up"

async def pipeline(urls, fetch, parse, store, widths):
    qs = [asyncio.Queue() for _ in range(3)]
    for u in urls:
        qs[0].put_nowait(u)
    async def worker(inbox, step, outbox):
        while True:
            x = await inbox.get()
            try:
                y = await step(x)
                if outbox is not None:
                    await outbox.put(y)
            finally:
                inbox.task_done()
    tasks = []
    for (i, step), w in zip(enumerate((fetch, parse, store)), widths, strict=True):
        out = qs[i + 1] if i < 2 else None
        tasks += [asyncio.create_task(worker(qs[i], step, out)) for _ in range(w)]
    try:
        for q in qs:
            await q.join()
    finally:
        for t in tasks:
            t.cancel()
        try:
            await asyncio.gather(*tasks)
        except asyncio.CancelledError:
            pass
