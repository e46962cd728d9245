"""Wrong: one task per distinct worker (a dict keyed by the callable): a worker listed twice
runs once, and the Barrier, sized len(workers), never opens."""

import asyncio

EXPECT = "each entry of `workers` is a worker of its own"


async def phased(workers, phases):
    if not workers:
        return
    barrier = asyncio.Barrier(len(workers))

    async def run(worker):
        for phase in range(phases):
            await worker(phase)
            await barrier.wait()

    tasks = {}
    for worker in workers:
        if worker not in tasks:  # "each worker once"
            tasks[worker] = asyncio.create_task(run(worker))
    await asyncio.gather(*tasks.values())
