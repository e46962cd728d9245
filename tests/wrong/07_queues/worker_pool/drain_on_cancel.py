"""Wrong: when process_all is cancelled it first waits for queue.join() (every queued item
still handled), and only then cancels the workers and re-raises: the workers keep taking new
items long after the cancellation."""

import asyncio

EXPECT = "after process_all was cancelled"


async def process_all(items, handler, workers):
    queue = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)
    results = []

    async def worker():
        while True:
            item = await queue.get()
            try:
                results.append(await handler(item))
            except Exception as exc:  # noqa: BLE001
                results.append(exc)
            finally:
                queue.task_done()

    tasks = [asyncio.create_task(worker()) for _ in range(workers)]
    try:
        await queue.join()
    except asyncio.CancelledError:
        await queue.join()  # let the pool finish its work before stopping
        raise
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return results
