"""Wrong: close() waits for the cancelled tasks with `.result(timeout=0.5)` and joins the
thread with `join(timeout=0.5)`, "so close never hangs": a task whose cleanup takes longer makes
close() raise TimeoutError and leaves the loop open and its thread running. Wait for the
cancelled tasks and join the thread with no timeout."""

import asyncio
import threading

EXPECT = "waited with a timeout of 0.5 s"


class SyncClient:
    def __init__(self):
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()

    def call(self, coro_fn, *args):
        return asyncio.run_coroutine_threadsafe(coro_fn(*args), self._loop).result()

    def close(self):
        async def cancel_all():
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(cancel_all(), self._loop).result(timeout=0.5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=0.5)
        if not self._thread.is_alive():
            self._loop.close()
