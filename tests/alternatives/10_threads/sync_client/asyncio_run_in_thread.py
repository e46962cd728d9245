"""Correct in another style: the thread runs asyncio.run(serve()), which waits on a stop Event.

asyncio.run cancels leftover tasks and closes the loop by itself when serve() returns.
"""

import asyncio
import threading
from typing import Any


class SyncClient:
    def __init__(self) -> None:
        self._ready = threading.Event()
        self._thread = threading.Thread(target=asyncio.run, args=(self._serve(),))
        self._thread.start()
        self._ready.wait()

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        self._ready.set()
        await self._stop.wait()

    def call(self, coro_fn: Any, *args: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro_fn(*args), self._loop).result()

    def close(self) -> None:
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join()
