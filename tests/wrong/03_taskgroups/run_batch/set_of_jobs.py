"""Wrong: runs set(jobs), so a job listed twice runs once and its ValueError counts once."""

import asyncio

EXPECT = "a job listed twice is two jobs"


async def run_batch(jobs):
    messages = []
    try:
        async with asyncio.TaskGroup() as group:
            for job in set(jobs):
                group.create_task(job())
    except* ValueError as errors:
        messages.extend(str(e) for e in errors.exceptions)
    return sorted(messages)
