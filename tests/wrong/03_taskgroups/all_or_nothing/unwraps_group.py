"""Wrong: catches the TaskGroup's ExceptionGroup and re-raises the bare first error."""

import asyncio

EXPECT = "raised a bare ValueError; expected an ExceptionGroup"


async def fetch_all_or_fail(ids, fetch):
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(fetch(i)) for i in ids]
    except ExceptionGroup as group_error:
        raise group_error.exceptions[0] from None
    return [task.result() for task in tasks]
