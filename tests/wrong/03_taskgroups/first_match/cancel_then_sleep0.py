"""Wrong: cancels the other sources, then `await asyncio.sleep(0)` instead of awaiting them:
a source with an `await` in its cleanup is still running after the return."""

import asyncio

EXPECT = "returned before they had finished"


async def first_match(sources, pred):
    tasks = [asyncio.create_task(source()) for source in sources]
    found = None
    for next_done in asyncio.as_completed(tasks):
        value = await next_done
        if pred(value):
            found = value
            break
    for task in tasks:
        task.cancel()
    await asyncio.sleep(0)  # "give them a moment to see it"
    return found
