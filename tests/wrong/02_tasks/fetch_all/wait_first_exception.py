"""Wrong: waits for the first exception, then reads every task's result in order: a task
still pending before the failed one raises InvalidStateError instead of the fetch's error."""

import asyncio

EXPECT = "InvalidStateError"


async def fetch_all(ids, fetch):
    tasks = [asyncio.ensure_future(fetch(i)) for i in ids]
    if not tasks:
        return []
    await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    return [task.result() for task in tasks]
