"""Wrong: its finally cancels the pumps and then gathers them without return_exceptions=True, which raises their CancelledError out of merge."""

import asyncio

EXPECT = "Awaiting a task that was cancelled"


_END = object()


async def _pump(it, queue):
    try:
        async for item in it:
            await queue.put((False, item))
    except Exception as exc:
        await queue.put((True, exc))
        return
    await queue.put((True, _END))


async def merge(*aits):
    queue = asyncio.Queue()
    tasks = [asyncio.create_task(_pump(it, queue)) for it in aits]
    running = len(tasks)
    try:
        while running:
            special, value = await queue.get()
            if special:
                if value is _END:
                    running -= 1
                    continue
                raise value
            yield value
    finally:
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks)
