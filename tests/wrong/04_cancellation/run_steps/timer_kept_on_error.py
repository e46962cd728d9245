"""Wrong: its own deadline timer (call_later cancelling the task) is removed only when the steps
succeed, so after a step fails the timer still cancels the caller when the budget runs out."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "also when a step raises"


async def run_steps(steps: Iterable[Callable[[], Awaitable[Any]]], budget: float) -> list:
    """Run the steps in order under one deadline `budget` s away; TimeoutError when it passes."""
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    assert task is not None
    expired = False

    def expire() -> None:
        nonlocal expired
        expired = True
        task.cancel()

    timer = loop.call_later(budget, expire)
    results = []
    try:
        for step in steps:
            results.append(await step())
    except asyncio.CancelledError:
        if expired:
            task.uncancel()
            raise TimeoutError(f"budget of {budget} s exceeded") from None
        timer.cancel()
        raise
    timer.cancel()
    return results
