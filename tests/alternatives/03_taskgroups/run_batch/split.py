"""Correct in another style: catch the group and split it with ExceptionGroup.split()."""

import asyncio


async def run_batch(jobs):
    try:
        async with asyncio.TaskGroup() as group:
            for job in jobs:
                group.create_task(job())
    except ExceptionGroup as errors:
        values, rest = errors.split(ValueError)
        if rest is not None:
            raise rest from None
        return sorted(str(e) for e in values.exceptions)
    return []
