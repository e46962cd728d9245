"""Correct in another style: the tasks are awaited in order inside the TaskGroup block."""

import asyncio


async def fetch_all_or_fail(ids, fetch):
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch(i)) for i in ids]
        return [await task for task in tasks]
