"""Correct in another style: asyncio.timeout_at with an absolute deadline."""

import asyncio


async def run_steps(steps, budget):
    results = []
    async with asyncio.timeout_at(asyncio.get_running_loop().time() + budget):
        for step in steps:
            results.append(await step())
    return results
