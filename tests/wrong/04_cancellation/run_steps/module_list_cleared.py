"""Wrong: one module-level list of results, cleared at the start of each call, so two calls at once mix their results."""

import asyncio

EXPECT = "at once was"

_results = []


async def run_steps(steps, budget):
    _results.clear()
    async with asyncio.timeout(budget):
        for step in steps:
            _results.append(await step())
    return list(_results)
