"""Wrong: gives each job at most 60 s (wait_for) "to be safe", so a slow job that would have
succeeded fails with TimeoutError, propagated as a bug."""

import asyncio

EXPECT = "gave up on the 600 s job"


async def run_batch(jobs):
    messages = []
    try:
        async with asyncio.TaskGroup() as group:
            for job in jobs:
                group.create_task(asyncio.wait_for(job(), 60))
    except* ValueError as errors:
        messages.extend(str(e) for e in errors.exceptions)
    return sorted(messages)
