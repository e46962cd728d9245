"""Correct in another style: a TaskGroup; the winner stores its result and cancels the group."""

import asyncio


async def hedged(primary, backup, after):
    box = []

    async def attempt(factory, delay, group_tasks):
        if delay:
            await asyncio.sleep(delay)
        value = await factory()
        box.append(value)
        for task in group_tasks:
            if task is not asyncio.current_task():
                task.cancel()

    tasks = []
    async with asyncio.TaskGroup() as group:
        tasks.append(group.create_task(attempt(primary, 0, tasks)))
        tasks.append(group.create_task(attempt(backup, after, tasks)))
    return box[0]
