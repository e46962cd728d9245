"""Correct in another style: an asyncio.sleep(after) task raced against the primary with
FIRST_COMPLETED; when the sleep wins, the backup joins the race.
"""

import asyncio


async def hedged(primary, backup, after):
    first = asyncio.ensure_future(primary())
    timer = asyncio.ensure_future(asyncio.sleep(after))
    running = {first, timer}
    second = None
    try:
        while True:
            done, _ = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            winners = [t for t in done if t is not timer]
            if winners:
                return winners[0].result()
            running.discard(timer)
            second = asyncio.ensure_future(backup())
            running.add(second)
    finally:
        for t in (first, timer, second):
            if t is not None:
                t.cancel()
        await asyncio.gather(
            *(t for t in (first, timer, second) if t is not None), return_exceptions=True
        )
