"""Correct in another style: a TaskGroup, reading each task's result after the block."""

import asyncio


async def fetch_all(ids, fetch) -> list:
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch(i)) for i in ids]
    return [task.result() for task in tasks]
