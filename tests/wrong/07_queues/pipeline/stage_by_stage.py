"""Wrong: all fetches, then all parses, then all stores (each stage bounded by its width)."""

import asyncio

EXPECT = "one after another"


async def pipeline(urls, fetch, parse, store, widths):
    async def bounded(step, items, width):
        sem = asyncio.Semaphore(width)

        async def one(item):
            async with sem:
                return await step(item)

        return await asyncio.gather(*(one(i) for i in items))

    pages = await bounded(fetch, list(urls), widths[0])
    records = await bounded(parse, pages, widths[1])
    await bounded(store, records, widths[2])
