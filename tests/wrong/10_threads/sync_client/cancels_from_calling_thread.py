"""Wrong: close() cancels the loop's tasks from the calling thread (Task.cancel is not
thread-safe), then stops the loop at once: the cancelled tasks never run their cleanup."""

import asyncio
import threading
from collections.abc import Awaitable, Callable
from typing import Any

EXPECT = "the loop was stopped before the task could run its cleanup"


class SyncClient:
    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()

    def call(self, coro_fn: Callable[..., Awaitable[Any]], *args: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro_fn(*args), self._loop).result()  # type: ignore[arg-type]

    def close(self) -> None:
        for task in asyncio.all_tasks(self._loop):
            task.cancel()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()
