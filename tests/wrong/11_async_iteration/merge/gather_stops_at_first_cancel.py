"""Wrong: awaits the cancelled pumps with gather() without return_exceptions=True, so gather
raises as soon as the first cancelled pump ends and merge stops waiting for the others."""

import asyncio

EXPECT = "were still running after it was closed"

END = object()
async def merge(*aits):
    queue = asyncio.Queue()
    async def pump(ait):
        try:
            async for x in ait:
                await queue.put((x, None))
        except Exception as e:  # noqa: BLE001 - passed on to the caller
            await queue.put((None, e))
            return
        await queue.put((END, None))
    tasks = [asyncio.create_task(pump(a)) for a in aits]
    left = len(tasks)
    try:
        while left:
            x, err = await queue.get()
            if err is not None:
                raise err
            if x is END:
                left -= 1
                continue
            yield x
    finally:
        for t in tasks:
            t.cancel()
        try:
            await asyncio.gather(*tasks)
        except asyncio.CancelledError:
            pass
