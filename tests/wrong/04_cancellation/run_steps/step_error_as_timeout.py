"""Wrong: a step's own error is turned into TimeoutError, as if the budget had run out."""

import asyncio

EXPECT = "raised TimeoutError('run_steps failed') instead of the step's own ValueError"


async def run_steps(steps, budget):
    results = []
    try:
        async with asyncio.timeout(budget):
            for step in steps:
                results.append(await step())
    except Exception as error:
        raise TimeoutError("run_steps failed") from error
    return results
