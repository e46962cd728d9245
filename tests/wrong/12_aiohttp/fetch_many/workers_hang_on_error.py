"""Wrong: `limit` workers take URLs from a queue and the batch waits on queue.join(); a worker
that hits an error status dies before task_done(), so join() waits for ever."""

import asyncio

import aiohttp

EXPECT = "call `queue.task_done()` in a `finally`"


async def fetch_many(urls, limit=5):
    queue = asyncio.Queue()
    for i, url in enumerate(urls):
        queue.put_nowait((i, url))
    results = [None] * len(urls)
    async with aiohttp.ClientSession() as session:

        async def worker():
            while True:
                i, url = await queue.get()
                async with session.get(url) as response:
                    response.raise_for_status()
                    results[i] = await response.json()
                queue.task_done()

        workers = [asyncio.create_task(worker()) for _ in range(limit)]
        await queue.join()
        for w in workers:
            w.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
    return results
