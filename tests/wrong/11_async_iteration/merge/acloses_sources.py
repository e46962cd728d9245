"""Wrong: closes every source with `aclose()` at the end, which only async generators have."""

import asyncio

EXPECT = "no aclose(), asend() or athrow()"

END = object()


async def _read(it):
    try:
        return await anext(it)
    except StopAsyncIteration:
        return END


async def merge(*aits):
    reads = {asyncio.create_task(_read(it)): it for it in aits}
    try:
        while reads:
            done, _ = await asyncio.wait(reads, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                it = reads.pop(task)
                item = task.result()
                if item is END:
                    continue
                reads[asyncio.create_task(_read(it))] = it
                yield item
    finally:
        for task in reads:
            task.cancel()
        if reads:
            await asyncio.wait(reads)
        for it in aits:
            await it.aclose()
