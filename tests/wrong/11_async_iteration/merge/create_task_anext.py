"""Wrong: each pending read is `asyncio.create_task(anext(it))`: an async iterator whose
`__anext__` returns an awaitable that is not a coroutine makes create_task raise TypeError."""

import asyncio

EXPECT = "asyncio.create_task takes coroutines only"


async def merge(*aits):
    reads = {asyncio.create_task(anext(it)): it for it in aits}
    try:
        while reads:
            done, _ = await asyncio.wait(reads, return_when=asyncio.FIRST_COMPLETED)
            for read in done:
                it = reads.pop(read)
                try:
                    item = read.result()
                except StopAsyncIteration:
                    continue
                reads[asyncio.create_task(anext(it))] = it
                yield item
    finally:
        for read in reads:
            read.cancel()
        if reads:
            await asyncio.wait(reads)
