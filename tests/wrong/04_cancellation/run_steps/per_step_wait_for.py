"""Wrong: wait_for(step(), budget) per step gives each step the whole budget (n x budget)."""

import asyncio

EXPECT = "timeout of its own"


async def run_steps(steps, budget):
    return [await asyncio.wait_for(step(), budget) for step in steps]
