"""Correct in another style: the loop runs forever in a one-thread ThreadPoolExecutor; close()
cancels the other tasks from the loop, stops it, and shuts the executor down (joining its
thread).
"""

import asyncio
import concurrent.futures


class SyncClient:
    def __init__(self):
        self._loop = asyncio.new_event_loop()
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        self._pool.submit(self._loop.run_forever)

    def call(self, coro_fn, *args):
        return asyncio.run_coroutine_threadsafe(coro_fn(*args), self._loop).result()

    def close(self):
        async def cancel_others():
            others = asyncio.all_tasks() - {asyncio.current_task()}
            for t in others:
                t.cancel()
            await asyncio.gather(*others, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(cancel_others(), self._loop).result()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._pool.shutdown(wait=True)
        self._loop.close()
