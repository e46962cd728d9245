"""Wrong: a hand-made barrier (a counter and an Event) that the last worker OUT resets: the
last worker IN does not wait, so when its next phase ends without awaiting anything it
arrives again, finds the Event still set, and runs ahead before the others finished."""

import asyncio

EXPECT = "before every worker finished phase 1"


class Gate:
    def __init__(self, parties):
        self.parties = parties
        self.count = 0
        self.open = asyncio.Event()

    async def wait(self):
        self.count += 1
        if self.count == self.parties:
            self.open.set()  # the last one in opens the gate
        else:
            await self.open.wait()
        self.count -= 1
        if self.count == 0:  # the last one out closes it for the next round
            self.open.clear()


async def phased(workers, phases):
    if not workers:
        return
    gate = Gate(len(workers))

    async def run(worker):
        for phase in range(phases):
            await worker(phase)
            await gate.wait()

    await asyncio.gather(*(run(worker) for worker in workers))
