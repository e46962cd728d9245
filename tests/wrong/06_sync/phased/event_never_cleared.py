"""Wrong: a hand-made barrier on one Event that is set when the last worker arrives and
never cleared: from phase 1 on, early workers run straight through."""

import asyncio

EXPECT = "before every worker finished"


async def phased(workers, phases):
    if not workers:
        return
    arrived = 0
    everyone = asyncio.Event()

    async def run(worker):
        nonlocal arrived
        for phase in range(phases):
            await worker(phase)
            arrived += 1
            if arrived == len(workers):
                arrived = 0
                everyone.set()
            else:
                await everyone.wait()

    await asyncio.gather(*(run(w) for w in workers))
