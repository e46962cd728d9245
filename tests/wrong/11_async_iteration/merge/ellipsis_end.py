"""Wrong: reads with `anext(it, ...)` and takes Ellipsis for the end of a source, but
Ellipsis may be an item too."""

import asyncio

EXPECT = "never got the item Ellipsis"


async def merge(*aits):
    reads = {asyncio.ensure_future(anext(it, ...)): it for it in aits}
    try:
        while reads:
            done, _ = await asyncio.wait(reads, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                it = reads.pop(task)
                item = task.result()
                if item is ...:
                    continue
                reads[asyncio.ensure_future(anext(it, ...))] = it
                yield item
    finally:
        for task in reads:
            task.cancel()
        if reads:
            await asyncio.wait(reads)
