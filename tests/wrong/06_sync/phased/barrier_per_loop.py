"""Wrong: one barrier per event loop, made on first use with that call's number of workers:
a second call on the same loop with more workers lets them through in too small groups."""

import asyncio

EXPECT = "each call has its own barrier"

_barriers = {}


async def phased(workers, phases):
    if not workers:
        return
    loop = asyncio.get_running_loop()
    if loop not in _barriers:
        _barriers[loop] = asyncio.Barrier(len(workers))
    barrier = _barriers[loop]

    async def run(worker):
        for phase in range(phases):
            await worker(phase)
            await barrier.wait()

    async with asyncio.TaskGroup() as group:
        for worker in workers:
            group.create_task(run(worker))
