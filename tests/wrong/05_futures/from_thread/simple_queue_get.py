"""Wrong: a queue.SimpleQueue filled by the job's thread, read with a blocking get() in the
coroutine: the loop is frozen until the job is done."""

import queue

EXPECT = "blocked the event loop until the job was done"


async def from_thread(start_job):
    results = queue.SimpleQueue()
    start_job(results.put)
    return results.get()
