"""Wrong: asyncio.wait with the remaining budget only stops waiting: the step at the deadline keeps running."""

import asyncio

EXPECT = "never cancelled"


async def run_steps(steps, budget):
    loop = asyncio.get_running_loop()
    deadline = loop.time() + budget
    results = []
    for step in steps:
        task = asyncio.ensure_future(step())
        done, _ = await asyncio.wait([task], timeout=max(0, deadline - loop.time()))
        if not done:
            raise TimeoutError
        results.append(task.result())
    return results
