"""Wrong: adds a safety margin of 0.05 s to the budget, so the running step is cancelled
0.05 s after the budget has run out."""

import asyncio

EXPECT = "was cancelled only at 4.05 s"


async def run_steps(steps, budget):
    results = []
    async with asyncio.timeout(budget + 0.05):
        for step in steps:
            results.append(await step())
    return results
