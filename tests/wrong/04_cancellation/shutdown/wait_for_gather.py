"""Wrong: wait_for(gather(...), grace) waits for the cancelled gather to finish: unbounded."""

import asyncio

EXPECT = "bound the wait"


async def shutdown(tasks, grace):
    for task in tasks:
        task.cancel()
    try:
        await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), grace)
    except TimeoutError:
        pass
    return [task for task in tasks if not task.done()]
