"""Wrong: checks the deadline between steps only, so the running step overruns the budget."""

import asyncio

EXPECT = "checking the clock between steps"


async def run_steps(steps, budget):
    loop = asyncio.get_running_loop()
    deadline = loop.time() + budget
    results = []
    for step in steps:
        results.append(await step())
        if loop.time() > deadline:
            raise TimeoutError
    return results
