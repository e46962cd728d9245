"""Wrong: handles the ValueErrors, then catches every other error too and raises a RuntimeError."""

import asyncio

EXPECT = "ExceptionGroup"


async def run_batch(jobs):
    messages = []
    try:
        async with asyncio.TaskGroup() as group:
            for job in jobs:
                group.create_task(job())
    except* ValueError as errors:
        messages.extend(str(error) for error in errors.exceptions)
    except* Exception as bugs:  # noqa: BLE001
        raise RuntimeError(f"{len(bugs.exceptions)} job(s) crashed") from None
    return sorted(messages)
