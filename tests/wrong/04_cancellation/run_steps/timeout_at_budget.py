"""Wrong: asyncio.timeout_at(budget) takes a loop time, not a duration from now."""

import asyncio

EXPECT = "timeout_at takes a loop time, not a duration"


async def run_steps(steps, budget):
    results = []
    async with asyncio.timeout_at(budget):
        for step in steps:
            results.append(await step())
    return results
