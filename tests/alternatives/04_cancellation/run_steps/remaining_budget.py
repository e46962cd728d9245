"""Correct in another style: wait_for each step with whatever is left of the budget."""

import asyncio


async def run_steps(steps, budget):
    loop = asyncio.get_running_loop()
    deadline = loop.time() + budget
    results = []
    for step in steps:
        remaining = deadline - loop.time()
        if remaining <= 0:
            raise TimeoutError
        results.append(await asyncio.wait_for(step(), remaining))
    return results
