"""Correct in another style: one shared deadline on time.monotonic() (the clock asyncio's loop
reads), a fresh asyncio.timeout for each step with what is left of it."""

import asyncio
import time


async def run_steps(steps, budget):
    # One shared deadline, measured on the monotonic clock (what loop.time() uses).
    deadline = time.monotonic() + budget
    results = []
    for step in steps:
        async with asyncio.timeout(deadline - time.monotonic()):
            results.append(await step())
    return results
