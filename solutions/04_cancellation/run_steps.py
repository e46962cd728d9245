"""One budget for all steps: a shared deadline, not one per step (reference solution).

A step's own error propagates as it is: it is not a timeout.
"""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any


async def run_steps(steps: Iterable[Callable[[], Awaitable[Any]]], budget: float) -> list:
    """Run the steps in order under one deadline `budget` s away; TimeoutError when it passes."""
    results = []
    # One timeout around the whole loop: its deadline is fixed when the block is entered, so
    # every step spends from the same budget. When it passes, the running step is cancelled
    # and the block raises TimeoutError, which we let propagate to the caller.
    async with asyncio.timeout(budget):
        for step in steps:
            results.append(await step())
    return results
