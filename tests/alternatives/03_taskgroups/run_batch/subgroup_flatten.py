"""Correct in another style: except*, then flatten nested groups before reading messages."""

import asyncio


def flatten(group):
    for error in group.exceptions:
        if isinstance(error, BaseExceptionGroup):
            yield from flatten(error)
        else:
            yield error


async def run_batch(jobs):
    found = None
    try:
        async with asyncio.TaskGroup() as tg:
            for job in jobs:
                tg.create_task(job())
    except* ValueError as group:
        found = group
    return sorted(str(e) for e in flatten(found)) if found else []
