"""Wrong: catches the TimeoutError and returns the partial results instead of raising."""

import asyncio

EXPECT = "Let the TimeoutError propagate"


async def run_steps(steps, budget):
    results = []
    try:
        async with asyncio.timeout(budget):
            for step in steps:
                results.append(await step())
    except TimeoutError:
        pass
    return results
