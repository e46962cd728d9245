"""Wrong: uses None to mean "no match yet", so a matching None is not seen as a match."""

import asyncio

EXPECT = "None satisfied pred at 1 s"


async def first_match(sources, pred):
    pending = {asyncio.create_task(source()) for source in sources}
    found = None
    try:
        while pending and found is None:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                if pred(task.result()):
                    found = task.result()
    finally:
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
    return found
