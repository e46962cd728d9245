"""Wrong: call() waits with `future.result(timeout=30)`: a coroutine that runs longer than 30 s makes call() raise TimeoutError."""

import asyncio
import threading

EXPECT = "waits for the result with a timeout (30 s, which the grader let run out early)"


class SyncClient:
    def __init__(self):
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run)
        self._thread.start()

    def _run(self):
        asyncio.set_event_loop(self._loop)
        self._loop.run_forever()
        tasks = asyncio.all_tasks(self._loop)
        for task in tasks:
            task.cancel()
        self._loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
        self._loop.close()

    def call(self, coro_fn, *args):
        future = asyncio.run_coroutine_threadsafe(coro_fn(*args), self._loop)
        return future.result(timeout=30)

    def close(self):
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
