"""Wrong: a deadline timer of its own cancels the task and the CancelledError is turned into
TimeoutError, but the cancel request is never undone (no uncancel()): the caller's task stays
marked as cancelled, and its own asyncio.timeout breaks."""

import asyncio

EXPECT = "left its caller's task marked as cancelled"


async def run_steps(steps, budget):
    task = asyncio.current_task()
    fired = False

    def expire():
        nonlocal fired
        fired = True
        task.cancel()

    timer = asyncio.get_running_loop().call_later(budget, expire)
    results = []
    try:
        for step in steps:
            results.append(await step())
    except asyncio.CancelledError:
        if fired:
            raise TimeoutError from None
        raise
    finally:
        timer.cancel()
    return results
