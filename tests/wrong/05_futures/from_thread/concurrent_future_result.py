"""Wrong: a concurrent.futures.Future set by the job, read with a blocking .result()."""

import concurrent.futures

EXPECT = "stalled for"


async def from_thread(start_job):
    future = concurrent.futures.Future()
    start_job(future.set_result)
    return future.result()
