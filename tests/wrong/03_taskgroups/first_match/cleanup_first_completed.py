"""Wrong: asyncio.wait(FIRST_COMPLETED) loop; after a match, waits for the cancelled sources with
FIRST_COMPLETED again (copied from the loop): returns when the first of them has stopped."""

import asyncio

EXPECT = "not only for the first one to stop"


async def first_match(sources, pred):
    pending = {asyncio.ensure_future(source()) for source in sources}
    try:
        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                if pred(task.result()):
                    return task.result()
        return None
    finally:
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
