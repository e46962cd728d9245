"""Wrong: the deadline is a loop.call_later timer that cancels the caller's task, and it is never removed: after run_steps has returned in time, the timer still cancels the caller when the budget runs out."""

import asyncio

EXPECT = "the deadline outlived the call"


async def run_steps(steps, budget):
    task = asyncio.current_task()
    fired = []

    def expire():
        fired.append(True)
        task.cancel()

    asyncio.get_running_loop().call_later(budget, expire)  # handle dropped: never cancelled
    results = []
    try:
        for step in steps:
            results.append(await step())
    except asyncio.CancelledError:
        if fired:
            raise TimeoutError from None
        raise
    return results
