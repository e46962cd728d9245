"""Wrong: caps the budget at a minute "to be safe", so a longer budget the caller gave runs
out early."""

import asyncio

EXPECT = "long before its budget"

MAX_BUDGET = 60.0


async def run_steps(steps, budget):
    results = []
    async with asyncio.timeout(min(budget, MAX_BUDGET)):
        for step in steps:
            results.append(await step())
    return results
