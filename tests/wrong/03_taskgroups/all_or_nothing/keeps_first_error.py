"""Wrong: re-raises a new group holding only the first error; a second error in the same step is lost."""

import asyncio

EXPECT = "was lost"


async def fetch_all_or_fail(ids, fetch):
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(fetch(i)) for i in ids]
    except ExceptionGroup as errors:
        raise ExceptionGroup("a fetch failed", [errors.exceptions[0]]) from None
    return [task.result() for task in tasks]
