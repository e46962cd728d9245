"""Correct in another style: each pending read is `asyncio.ensure_future(anext(it))`, and a
source's end is the StopAsyncIteration its read holds."""

import asyncio


async def merge(*aits):
    reads = {asyncio.ensure_future(anext(it)): it for it in aits}
    try:
        while reads:
            done, _ = await asyncio.wait(reads, return_when=asyncio.FIRST_COMPLETED)
            for read in done:
                it = reads.pop(read)
                try:
                    item = read.result()
                except StopAsyncIteration:
                    continue
                reads[asyncio.ensure_future(anext(it))] = it
                yield item
    finally:
        for read in reads:
            read.cancel()
        if reads:
            await asyncio.wait(reads)
