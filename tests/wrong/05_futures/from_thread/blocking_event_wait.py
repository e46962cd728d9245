"""Wrong: waits for the job with threading.Event.wait() inside the coroutine: the result
arrives, but the whole event loop is frozen until it does."""

import threading

EXPECT = "stalled for"


async def from_thread(start_job):
    done = threading.Event()
    box = {}

    def callback(result):
        box["result"] = result
        done.set()

    start_job(callback)
    done.wait()
    return box["result"]
