"""Correct in another style: asyncio.timeout(None) rescheduled to now + budget, around an async
comprehension over a generator that runs the steps.
"""

import asyncio


async def _steps_gen(steps):
    for step in steps:
        yield await step()


async def run_steps(steps, budget):
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(None) as cm:
        cm.reschedule(loop.time() + budget)
        return [r async for r in _steps_gen(steps)]
