"""Wrong: when the caller cancels first_match, waits for the cancelled sources at most 5 s
(asyncio.wait timeout), so a source with a longer cleanup still runs when it ends."""

import asyncio

EXPECT = "it stopped waiting for them before they had finished"


async def first_match(sources, pred):
    tasks = [asyncio.ensure_future(s()) for s in sources]
    try:
        for nxt in asyncio.as_completed(tasks):
            value = await nxt
            if pred(value):
                break
        else:
            return None
    except asyncio.CancelledError:
        for t in tasks:
            t.cancel()
        await asyncio.wait(tasks, timeout=5)
        raise
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return value
