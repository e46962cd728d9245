"""Wrong: close() cancels the pending tasks, but stops and closes the loop right away: the
cancelled tasks never get to run their cleanup."""

import asyncio
import threading

EXPECT = "stopped before the task could run its cleanup"


class SyncClient:
    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def call(self, coro_fn, *args):
        return asyncio.run_coroutine_threadsafe(coro_fn(*args), self.loop).result()

    def close(self):
        def stop():
            for task in asyncio.all_tasks(self.loop):
                task.cancel()
            self.loop.stop()

        self.loop.call_soon_threadsafe(stop)
        self.thread.join()
        self.loop.close()
