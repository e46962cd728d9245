"""Wrong: after the loop stops it runs asyncio.wait(pending): with nothing pending that raises ValueError, the loop's thread dies and the loop is never closed."""

import asyncio
import threading

EXPECT = "the loop's thread died with ValueError"


class SyncClient:
    def __init__(self):
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        asyncio.set_event_loop(self._loop)
        self._loop.run_forever()
        # stopped by close(): cancel what is left, let it finish, then close the loop
        pending = asyncio.all_tasks(self._loop)
        for task in pending:
            task.cancel()
        self._loop.run_until_complete(asyncio.wait(pending))
        self._loop.close()

    def call(self, coro_fn, *args):
        return asyncio.run_coroutine_threadsafe(coro_fn(*args), self._loop).result()

    def close(self):
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
