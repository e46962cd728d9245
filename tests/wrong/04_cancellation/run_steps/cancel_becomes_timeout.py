"""Wrong: a deadline of its own that cancels the task, and every CancelledError turned into
TimeoutError: the caller's own cancel comes out as a timeout."""

import asyncio

EXPECT = "turned into a timeout"


async def run_steps(steps, budget):
    task = asyncio.current_task()
    timer = asyncio.get_running_loop().call_later(budget, task.cancel)
    try:
        return [await step() for step in steps]
    except asyncio.CancelledError:
        raise TimeoutError from None
    finally:
        timer.cancel()
