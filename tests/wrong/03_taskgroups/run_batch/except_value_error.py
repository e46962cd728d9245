"""Wrong: `except ValueError` never matches the ExceptionGroup a TaskGroup raises."""

import asyncio

EXPECT = "`except ValueError` never matches"


async def run_batch(jobs):
    messages = []
    try:
        async with asyncio.TaskGroup() as group:
            for job in jobs:
                group.create_task(job())
    except ValueError as error:
        messages.append(str(error))
    return sorted(messages)
