"""Wrong: one module-level list of results, extended by every call and never emptied, so a second call returns the first call's results too."""

import asyncio

EXPECT = "the second call"

_results = []


async def run_steps(steps, budget):
    async with asyncio.timeout(budget):
        for step in steps:
            _results.append(await step())
    return _results
