"""Correct in another style: (last, item) pairs, asyncio.wait, a sleep(0) after each step."""

import asyncio


async def produce_consume(source, sink, maxsize):
    queue = asyncio.Queue(maxsize)

    async def producer():
        async for item in source:
            await queue.put((False, item))
            await asyncio.sleep(0)
        await queue.put((True, None))

    async def consumer():
        while True:
            last, item = await queue.get()
            if last:
                break
            await sink(item)
            await asyncio.sleep(0)

    tasks = {asyncio.create_task(producer()), asyncio.create_task(consumer())}
    try:
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        for t in done:
            if t.exception() is not None:
                raise t.exception()
        if pending:
            await asyncio.gather(*pending)
    finally:
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
