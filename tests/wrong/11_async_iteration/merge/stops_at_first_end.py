"""Wrong: pumps into a queue with one END marker per source, but stops at the first END."""

import asyncio

EXPECT = "merge ends only when every source has ended"

END = object()


async def merge(*aits):
    queue = asyncio.Queue()

    async def pump(it):
        try:
            async for item in it:
                await queue.put((item, None))
        except Exception as exc:
            await queue.put((END, exc))
            return
        await queue.put((END, None))

    pumps = [asyncio.create_task(pump(it)) for it in aits]
    try:
        while pumps:
            item, error = await queue.get()
            if error is not None:
                raise error
            if item is END:
                break
            yield item
    finally:
        for p in pumps:
            p.cancel()
        if pumps:
            await asyncio.wait(pumps)
