"""Wrong: keeps the results in a dict keyed by the step, so a step given twice in the list
has one result, its last."""

import asyncio

EXPECT = "the same step given twice"


async def run_steps(steps, budget):
    results = {}
    async with asyncio.timeout(budget):
        for step in steps:
            results[step] = await step()
    return list(results.values())
