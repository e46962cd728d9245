"""Wrong: a queue.SimpleQueue read in a worker thread (run_in_executor): the loop stays free,
but a cancel leaves the worker blocked in get() until a result that may never come."""

import asyncio
import queue

EXPECT = "thread(s) it started were still running 0.5 s later"


async def from_thread(start_job):
    results = queue.SimpleQueue()
    start_job(results.put)
    return await asyncio.get_running_loop().run_in_executor(None, results.get)
