"""Wrong: returns the messages in the order the group holds them, not sorted."""

import asyncio

EXPECT = "must be sorted"


async def run_batch(jobs):
    messages = []
    try:
        async with asyncio.TaskGroup() as group:
            for job in jobs:
                group.create_task(job())
    except* ValueError as errors:
        messages.extend(str(e) for e in errors.exceptions)
    return messages
