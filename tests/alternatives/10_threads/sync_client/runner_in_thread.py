"""Correct in another style: an asyncio.Runner owned by the thread; close() via a future."""

import asyncio
import threading
from concurrent.futures import Future
from typing import Any


class SyncClient:
    def __init__(self) -> None:
        loop_ready: Future[asyncio.AbstractEventLoop] = Future()
        self._thread = threading.Thread(target=self._main, args=(loop_ready,), daemon=True)
        self._thread.start()
        self._loop = loop_ready.result()

    def _main(self, loop_ready: "Future[asyncio.AbstractEventLoop]") -> None:
        with asyncio.Runner() as runner:
            loop = runner.get_loop()
            loop_ready.set_result(loop)
            loop.run_forever()
            # Runner.close() (on leaving the block) cancels leftover tasks and closes the loop.

    def call(self, coro_fn: Any, *args: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro_fn(*args), self._loop).result()

    def close(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
