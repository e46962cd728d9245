"""Wrong: catches the ValueError inside each job, so it never reaches the TaskGroup and does
not cancel the other jobs."""

import asyncio

EXPECT = "not inside each job"


async def run_batch(jobs):
    messages = []

    async def one(job):
        try:
            await job()
        except ValueError as exc:
            messages.append(str(exc))

    async with asyncio.TaskGroup() as group:
        for job in jobs:
            group.create_task(one(job))
    return sorted(messages)
