"""Wrong: one asyncio.wait(FIRST_COMPLETED), not a loop: if the first answer fails pred, None."""

import asyncio

EXPECT = "one answer that fails pred is no reason to stop"


async def first_match(sources, pred):
    tasks = {asyncio.ensure_future(source()) for source in sources}
    if not tasks:
        return None
    try:
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            if pred(task.result()):
                return task.result()
        return None
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
