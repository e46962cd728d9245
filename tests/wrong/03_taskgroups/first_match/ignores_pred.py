"""Wrong: returns the first answer, without checking pred."""

import asyncio

EXPECT = "does not satisfy pred"


async def first_match(sources, pred):
    tasks = [asyncio.create_task(s()) for s in sources]
    if not tasks:
        return None
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    return done.pop().result()
