"""Correct in another style: asyncio.timeout(grace) around a shielded
gather(return_exceptions=True): the timeout stops the waiting, never the gather.
"""

import asyncio


async def shutdown(tasks, grace):
    tasks = list(tasks)
    for t in tasks:
        t.cancel()
    if tasks:
        try:
            async with asyncio.timeout(grace):
                await asyncio.shield(asyncio.gather(*tasks, return_exceptions=True))
        except TimeoutError:
            pass
    return [t for t in tasks if not t.done()]
