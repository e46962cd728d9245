"""Correct: call() and close() wait in 5 s slices, looping until done (Ctrl-C works between)."""

import asyncio
import concurrent.futures
import threading


class SyncClient:
    def __init__(self):
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        asyncio.set_event_loop(self._loop)
        self._loop.run_forever()
        tasks = asyncio.all_tasks(self._loop)
        for t in tasks:
            t.cancel()
        self._loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
        self._loop.close()

    def call(self, coro_fn, *args):
        fut = asyncio.run_coroutine_threadsafe(coro_fn(*args), self._loop)
        while True:  # wake up now and then, so Ctrl-C works on every platform
            try:
                return fut.result(timeout=5)
            except concurrent.futures.TimeoutError:
                continue

    def close(self):
        self._loop.call_soon_threadsafe(self._loop.stop)
        while self._thread.is_alive():
            self._thread.join(timeout=5)
