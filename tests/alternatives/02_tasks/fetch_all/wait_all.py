"""Correct in another style: tasks kept in a list, asyncio.wait for all, results read in order."""

import asyncio


async def fetch_all(ids, fetch):
    tasks = [asyncio.create_task(fetch(i)) for i in ids]
    if tasks:
        await asyncio.wait(tasks)
    return [task.result() for task in tasks]
