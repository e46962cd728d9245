"""Wrong: collects the messages in a mutable default argument, shared between calls."""

import asyncio

EXPECT = "they stayed from an earlier call"


async def run_batch(jobs, messages=[]):  # noqa: B006
    try:
        async with asyncio.TaskGroup() as group:
            for job in jobs:
                group.create_task(job())
    except* ValueError as errors:
        messages.extend(str(error) for error in errors.exceptions)
    return sorted(messages)
