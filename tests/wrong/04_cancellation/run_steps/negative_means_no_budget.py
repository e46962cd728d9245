"""Wrong: takes a negative budget for "no budget", so run_steps(steps, -1) runs every step to
its end instead of raising TimeoutError at once."""

import asyncio

EXPECT = "a negative budget has already run out"


async def run_steps(steps, budget):
    results = []
    async with asyncio.timeout(budget if budget >= 0 else None):
        for step in steps:
            results.append(await step())
    return results
