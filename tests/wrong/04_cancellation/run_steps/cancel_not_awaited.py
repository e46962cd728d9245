"""Wrong: at the deadline the step task is cancelled but not awaited: run_steps raises while the step is still running."""

import asyncio

EXPECT = "had been cancelled but was still running"


async def run_steps(steps, budget):
    loop = asyncio.get_running_loop()
    deadline = loop.time() + budget
    results = []
    for step in steps:
        task = asyncio.ensure_future(step())
        done, _ = await asyncio.wait([task], timeout=max(0, deadline - loop.time()))
        if not done:
            task.cancel()
            raise TimeoutError
        results.append(task.result())
    return results
