"""Wrong: runs all the steps at once under the deadline instead of one after another."""

import asyncio

EXPECT = "must run in order"


async def run_steps(steps, budget):
    async with asyncio.timeout(budget):
        return list(await asyncio.gather(*(step() for step in steps)))
