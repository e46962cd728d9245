"""Correct in another style: the caller acquires a slot before starting each task; the task
releases it when it ends (a sliding window built by hand)."""

import asyncio


async def bounded_gather(coros, limit):
    semaphore = asyncio.Semaphore(limit)

    async def run(coro):
        try:
            return await coro
        except Exception as exc:  # noqa: BLE001 - errors take their place
            return exc
        finally:
            semaphore.release()

    tasks = []
    for coro in coros:
        await semaphore.acquire()
        tasks.append(asyncio.create_task(run(coro)))
    return [await task for task in tasks]
