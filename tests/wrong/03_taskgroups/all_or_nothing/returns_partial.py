"""Wrong: catches the ExceptionGroup and returns what did arrive, hiding the error."""

import asyncio

EXPECT = "instead of raising"


async def fetch_all_or_fail(ids, fetch):
    tasks = []
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(fetch(i)) for i in ids]
    except ExceptionGroup:
        pass
    return [t.result() for t in tasks if t.done() and not t.cancelled() and not t.exception()]
