"""Wrong: `if not list(steps)` walks the steps once already: a generator is empty after it."""

import asyncio

EXPECT = "which can be walked only once"


async def run_steps(steps, budget):
    if not list(steps):
        return []
    results = []
    async with asyncio.timeout(budget):
        for step in steps:
            results.append(await step())
    return results
