"""Wrong: checks the remaining budget before each step and gives the step what is left, but
rounds it up to whole seconds."""

import asyncio
import math

EXPECT = "budget=2.25"


async def run_steps(steps, budget):
    loop = asyncio.get_running_loop()
    deadline = loop.time() + budget
    results = []
    for step in steps:
        remaining = math.ceil(deadline - loop.time())
        if remaining <= 0:
            raise TimeoutError
        results.append(await asyncio.wait_for(step(), remaining))
    return results
