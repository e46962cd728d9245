"""Wrong: runs the workers one after another, phase by phase."""

EXPECT = "one after another"


async def phased(workers, phases):
    for phase in range(phases):
        for worker in workers:
            await worker(phase)
