"""Correct in another style: done callbacks feed a queue in completion order."""

import asyncio


async def first_k(factories, k: int) -> list:
    finished: asyncio.Queue = asyncio.Queue()
    tasks = []
    for make in factories:
        task = asyncio.ensure_future(make())
        task.add_done_callback(finished.put_nowait)
        tasks.append(task)
    results = []
    try:
        while len(results) < min(k, len(tasks)):
            results.append((await finished.get()).result())
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return results
