"""Wrong: a plain `async for` only looks at the clock when an item comes, so partial batches wait."""

import asyncio

EXPECT = "cannot notice the deadline"


async def batched(ait, size, max_wait):
    loop = asyncio.get_running_loop()
    batch = []
    started = 0.0
    async for item in ait:
        if not batch:
            started = loop.time()
        batch.append(item)
        if len(batch) >= size or loop.time() - started >= max_wait:
            yield batch
            batch = []
    if batch:
        yield batch
