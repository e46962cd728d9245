"""Correct in another style: asyncio.wait(FIRST_COMPLETED) in a loop, then cancel and await."""

import asyncio


async def first_match(sources, pred):
    pending = {asyncio.create_task(source()) for source in sources}
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
        await asyncio.gather(*pending, return_exceptions=True)
