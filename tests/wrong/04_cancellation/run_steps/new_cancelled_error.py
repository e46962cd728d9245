"""Wrong: turns the caller's cancellation into a new CancelledError of its own (with a message
about the steps done): the caller's cancel message (task.cancel("why")) is lost."""

import asyncio

EXPECT = "not the one it was cancelled with"


async def run_steps(steps, budget):
    results = []
    try:
        async with asyncio.timeout(budget):
            for step in steps:
                results.append(await step())
    except asyncio.CancelledError:
        raise asyncio.CancelledError(f"run_steps cancelled after {len(results)} steps") from None
    return results
