"""Wrong: a deadline timer of its own sets a flag and cancels the task; any CancelledError seen
once the flag is set becomes TimeoutError, so a caller's cancel in the same loop step is lost."""

import asyncio

EXPECT = "the caller's cancellation was taken for the timeout"


async def run_steps(steps, budget):
    task = asyncio.current_task()
    expired = False

    def on_deadline():
        nonlocal expired
        expired = True
        task.cancel()

    handle = asyncio.get_running_loop().call_later(budget, on_deadline)
    results = []
    try:
        for step in steps:
            results.append(await step())
    except asyncio.CancelledError:
        if expired:
            task.uncancel()
            raise TimeoutError from None
        raise
    finally:
        handle.cancel()
    return results
