"""Correct in another style: one task per url, a semaphore per stage bounds each stage."""

import asyncio


async def pipeline(urls, fetch, parse, store, widths):
    fetching, parsing, storing = (asyncio.Semaphore(w) for w in widths)

    async def one(url):
        async with fetching:
            page = await fetch(url)
        async with parsing:
            record = await parse(page)
        async with storing:
            await store(record)

    async with asyncio.TaskGroup() as group:
        for url in urls:
            group.create_task(one(url))
