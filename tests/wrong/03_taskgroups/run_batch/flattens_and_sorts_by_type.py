"""Wrong: catches the whole group, keeps the ValueErrors' messages, and re-raises only the
first other error, bare."""

import asyncio

EXPECT = "bare"


async def run_batch(jobs):
    try:
        async with asyncio.TaskGroup() as group:
            for job in jobs:
                group.create_task(job())
    except ExceptionGroup as errors:
        others = [e for e in errors.exceptions if not isinstance(e, ValueError)]
        if others:
            raise others[0] from None
        return sorted(str(e) for e in errors.exceptions)
    return []
