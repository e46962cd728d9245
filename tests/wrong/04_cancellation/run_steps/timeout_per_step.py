"""Wrong: a new `asyncio.timeout(budget)` for each step gives every step the whole budget."""

import asyncio

EXPECT = "timeout of its own"


async def run_steps(steps, budget):
    results = []
    for step in steps:
        async with asyncio.timeout(budget):
            results.append(await step())
    return results
