"""Wrong: shields each step, so the deadline stops the wait but the running step runs on."""

import asyncio

EXPECT = "still running in the background, never cancelled"


async def run_steps(steps, budget):
    results = []
    async with asyncio.timeout(budget):
        for step in steps:
            results.append(await asyncio.shield(step()))
    return results
