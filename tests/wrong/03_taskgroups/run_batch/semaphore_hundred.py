"""Wrong: runs at most 100 jobs at a time (a Semaphore inside the TaskGroup), not all at once."""

import asyncio

EXPECT = "jobs running at once; expected all 300"


async def run_batch(jobs):
    sem = asyncio.Semaphore(100)

    async def one(job):
        async with sem:
            return await job()

    messages = []
    try:
        async with asyncio.TaskGroup() as group:
            for job in jobs:
                group.create_task(one(job))
    except* ValueError as errors:
        messages.extend(str(e) for e in errors.exceptions)
    return sorted(messages)
