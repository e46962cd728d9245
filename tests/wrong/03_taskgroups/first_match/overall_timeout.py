"""Wrong: gives the sources 60 s in all (asyncio.timeout) and returns None after that, so a
slow source's match is never seen."""

import asyncio

EXPECT = "a slow source still answers"


async def first_match(sources, pred):
    tasks = [asyncio.ensure_future(s()) for s in sources]
    try:
        async with asyncio.timeout(60):
            for nxt in asyncio.as_completed(tasks):
                value = await nxt
                if pred(value):
                    return value
        return None
    except TimeoutError:
        return None
    finally:
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
