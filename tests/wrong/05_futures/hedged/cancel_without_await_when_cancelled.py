"""Wrong: when hedged is cancelled it cancels both requests but does not await them."""

import asyncio

EXPECT = "cancelled at 2 s, but a request"


async def hedged(primary, backup, after):
    tasks = {asyncio.create_task(primary())}
    try:
        done, _ = await asyncio.wait(tasks, timeout=after)
        if not done:
            tasks.add(asyncio.create_task(backup()))
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    except asyncio.CancelledError:
        for t in tasks:
            t.cancel()  # we are being cancelled: just tell them to stop
        raise
    winner = done.pop()
    losers = tasks - {winner}
    for t in losers:
        t.cancel()
    if losers:
        await asyncio.wait(losers)
    return winner.result()
