"""Wrong: `except ExceptionGroup` handles every error, so bugs (KeyError, TypeError) vanish."""

import asyncio

EXPECT = "was swallowed"


async def run_batch(jobs):
    try:
        async with asyncio.TaskGroup() as group:
            for job in jobs:
                group.create_task(job())
    except ExceptionGroup as errors:
        return sorted(str(e) for e in errors.exceptions if isinstance(e, ValueError))
    return []
