"""Wrong: the consumer takes a quiet spell (no item for 2 s) as the end of the source, so a
slow source loses the items that come after a pause."""

import asyncio

EXPECT = "but produce_consume returned only at"


async def produce_consume(source, sink, maxsize):
    queue = asyncio.Queue(maxsize)

    async def producer():
        async for item in source:
            await queue.put(item)

    async def consumer():
        while True:
            try:
                item = await asyncio.wait_for(queue.get(), timeout=2.0)
            except TimeoutError:
                return
            await sink(item)

    await asyncio.gather(producer(), consumer())
