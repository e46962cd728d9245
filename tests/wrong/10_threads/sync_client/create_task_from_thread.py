"""Wrong: loop.create_task from the calling thread: not thread-safe, the loop never wakes up."""

import asyncio
import threading
import time

EXPECT = "run_coroutine_threadsafe(coro, loop)`, which wakes the loop"


class SyncClient:
    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def call(self, coro_fn, *args):
        task = self.loop.create_task(coro_fn(*args))
        while not task.done():
            time.sleep(0.01)
        return task.result()

    def close(self):
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()
