"""Wrong: awaits each task from as_completed and catches CancelledError (a cancelled task raises it), which also swallows the caller's cancellation of shutdown."""

import asyncio

EXPECT = "shutdown must let its own cancellation out"

async def shutdown(tasks, grace):
    tasks = list(tasks)
    for t in tasks:
        t.cancel()
    try:
        for f in asyncio.as_completed(tasks, timeout=grace):
            try:
                await f
            except asyncio.CancelledError:
                pass
    except TimeoutError:
        pass
    return [t for t in tasks if not t.done()]
