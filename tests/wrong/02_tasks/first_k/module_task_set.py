"""Wrong: keeps the running tasks in one module-level set and cancels every task in it on the way out, so the first call to return also cancels the jobs of another call running at the same time."""

import asyncio

EXPECT = "the second call had its jobs cancelled"

_running = set()


async def first_k(factories, k):
    tasks = [asyncio.ensure_future(factory()) for factory in factories]
    _running.update(tasks)
    results = []
    try:
        pending = set(tasks)
        while pending and len(results) < k:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in tasks:
                if task in done and len(results) < k:
                    results.append(task.result())
        return results
    finally:
        left = [task for task in _running if not task.done()]
        for task in left:
            task.cancel()
        if left:
            await asyncio.gather(*left, return_exceptions=True)
        _running.difference_update(tasks)
