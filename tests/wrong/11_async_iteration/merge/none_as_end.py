"""Wrong: a read returns None when its iterator is exhausted, so a None item ends that
source early."""

import asyncio

EXPECT = "None, 0 and '' are items too"


async def _read(it):
    try:
        return await anext(it)
    except StopAsyncIteration:
        return None


async def merge(*aits):
    reads = {asyncio.create_task(_read(it)): it for it in aits}
    try:
        while reads:
            done, _ = await asyncio.wait(reads, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                it = reads.pop(task)
                item = task.result()
                if item is None:
                    continue
                reads[asyncio.create_task(_read(it))] = it
                yield item
    finally:
        for task in reads:
            task.cancel()
        if reads:
            await asyncio.wait(reads)
