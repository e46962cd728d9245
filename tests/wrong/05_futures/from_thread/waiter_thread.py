"""Wrong: a waiter thread of its own blocks on a threading.Event and then hands the result
over with call_soon_threadsafe: a cancel leaves that thread waiting for good."""

import asyncio
import threading

EXPECT = "thread(s) it started were still running 0.5 s later"


async def from_thread(start_job):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    ready = threading.Event()
    box = []

    def settle(result):
        if not future.done():
            future.set_result(result)

    def wait_for_job():
        ready.wait()
        loop.call_soon_threadsafe(settle, box[0])

    def callback(result):
        box.append(result)
        ready.set()

    threading.Thread(target=wait_for_job, daemon=True).start()
    start_job(callback)
    return await future
