"""Wrong: one gather per phase, but every worker(i) call of every phase is made up front: a
worker that starts its phase when called (it returns a task) runs all its phases at once."""

import asyncio

EXPECT = "called worker 0 for phase 1 at 0 s"


async def phased(workers, phases):
    plan = [[worker(phase) for worker in workers] for phase in range(phases)]
    for awaitables in plan:  # phase by phase: each gather is a barrier
        await asyncio.gather(*awaitables)
