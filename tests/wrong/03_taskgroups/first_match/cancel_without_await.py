"""Wrong: cancels the other tasks but returns before they have finished cancelling."""

import asyncio

EXPECT = "returned before they had finished"


async def first_match(sources, pred):
    pending = {asyncio.create_task(s()) for s in sources}
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            if pred(task.result()):
                for other in pending:
                    other.cancel()
                return task.result()
    return None
