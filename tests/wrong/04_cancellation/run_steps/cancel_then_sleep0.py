"""Wrong: at the deadline it cancels the step task and only yields once (`await asyncio.sleep(0)`)
instead of awaiting it: a step with an `await` in its cleanup is still running when TimeoutError
is raised."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "had been cancelled and was still cleaning up"


async def run_steps(steps: Iterable[Callable[[], Awaitable[Any]]], budget: float) -> list:
    """Run the steps in order under one deadline `budget` s away; TimeoutError when it passes."""

    async def run_all() -> list:
        return [await step() for step in steps]

    runner = asyncio.create_task(run_all())
    try:
        done, _ = await asyncio.wait([runner], timeout=budget)
    finally:
        if not runner.done():
            runner.cancel()
            await asyncio.sleep(0)  # let the step see its CancelledError
    if runner in done:
        return runner.result()
    raise TimeoutError
