"""Wrong: close() never stops the loop, so its thread runs on forever."""

import asyncio
import threading

EXPECT = "were still running"


class SyncClient:
    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def call(self, coro_fn, *args):
        return asyncio.run_coroutine_threadsafe(coro_fn(*args), self.loop).result()

    def close(self):
        pass
