"""Correct in another style: a TaskGroup whose matching task cancels its siblings by hand."""

import asyncio


async def first_match(sources, pred):
    tasks = []
    result = {}

    async def ask(source):
        value = await source()
        if pred(value) and "value" not in result:
            result["value"] = value
            for task in tasks:
                if task is not asyncio.current_task():
                    task.cancel()

    async with asyncio.TaskGroup() as group:
        for source in sources:
            tasks.append(group.create_task(ask(source)))
    return result.get("value")
