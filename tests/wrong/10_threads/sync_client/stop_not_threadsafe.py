"""Wrong: close() calls loop.stop() from the caller's thread: the loop, asleep in select(),
never wakes up to notice, and close() waits forever for the thread."""

import asyncio
import threading

EXPECT = "loop.stop() called from another thread does not wake"


class SyncClient:
    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_forever()
        finally:
            tasks = asyncio.all_tasks(self.loop)
            for task in tasks:
                task.cancel()
            self.loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
            self.loop.close()

    def call(self, coro_fn, *args):
        return asyncio.run_coroutine_threadsafe(coro_fn(*args), self.loop).result()

    def close(self):
        self.loop.stop()
        self.thread.join()
