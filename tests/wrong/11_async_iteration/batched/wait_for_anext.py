"""Wrong: wait_for(anext(ait)) cancels the read on timeout, which closes the source generator."""

import asyncio

EXPECT = "cancels the read when time is up"


async def batched(ait, size, max_wait):
    loop = asyncio.get_running_loop()
    batch = []
    deadline = 0.0
    while True:
        timeout = max(0.0, deadline - loop.time()) if batch else None
        try:
            item = await asyncio.wait_for(anext(ait), timeout)
        except TimeoutError:
            yield batch
            batch = []
            continue
        except StopAsyncIteration:
            break
        if not batch:
            deadline = loop.time() + max_wait
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
