"""Wrong: a threading.Lock around call() lets only one coroutine run at a time."""

import asyncio
import threading

EXPECT = "do not serialise call() with a lock"


class SyncClient:
    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def call(self, coro_fn, *args):
        with self.lock:
            return asyncio.run_coroutine_threadsafe(coro_fn(*args), self.loop).result()

    def close(self):
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()
