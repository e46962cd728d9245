"""Wrong: passes `budget or None` to asyncio.timeout, taking 0 s for "no budget", so run_steps(steps, 0) runs every step to its end."""

import asyncio

EXPECT = "a budget of 0 s has already run out"


async def run_steps(steps, budget) -> list:
    results = []
    async with asyncio.timeout(budget or None):  # 0: no budget
        for step in steps:
            results.append(await step())
    return results
