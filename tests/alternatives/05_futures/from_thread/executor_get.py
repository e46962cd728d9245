"""Correct in another style: a queue.SimpleQueue filled by the job, read in a worker thread
(run_in_executor), so the loop stays free."""

import asyncio
import queue


async def from_thread(start_job):
    results = queue.SimpleQueue()
    start_job(results.put)
    return await asyncio.get_running_loop().run_in_executor(None, results.get)
