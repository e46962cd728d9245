"""Wrong: close() waits for the cancelled tasks with gather() without return_exceptions: the
first cancelled task makes run_until_complete raise CancelledError in the loop thread, so the
loop is never closed."""

import asyncio
import threading

EXPECT = "the event loop was not closed"


class SyncClient:
    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        self.loop.run_forever()
        tasks = asyncio.all_tasks(self.loop)
        for task in tasks:
            task.cancel()
        self.loop.run_until_complete(asyncio.gather(*tasks))
        self.loop.close()

    def call(self, coro_fn, *args):
        return asyncio.run_coroutine_threadsafe(coro_fn(*args), self.loop).result()

    def close(self):
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
