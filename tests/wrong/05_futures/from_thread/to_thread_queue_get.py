"""Wrong: asyncio.to_thread(queue.get): a cancel leaves the worker thread blocked in get()
for good when the job never calls back (asyncio.run() then hangs at exit)."""

import asyncio
import queue

EXPECT = "thread(s) it started were still running 0.5 s later"


async def from_thread(start_job):
    results = queue.Queue()
    start_job(results.put)
    return await asyncio.to_thread(results.get)
