"""Wrong: after the loop stops, the cancelled tasks get a one-second grace period
(asyncio.wait(..., timeout=1)) before the loop is closed: a task whose cleanup takes longer is
destroyed while still pending, its cleanup never finished."""

import asyncio
import threading
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

EXPECT = "its cleanup never finished. Give the cancelled tasks no time limit"

T = TypeVar("T")


class SyncClient:
    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        loop = self._loop
        asyncio.set_event_loop(loop)
        try:
            loop.run_forever()
        finally:
            leftovers = asyncio.all_tasks(loop)
            for task in leftovers:
                task.cancel()
            if leftovers:
                # Give the cancelled tasks a moment to clean up, but never hang the close.
                loop.run_until_complete(asyncio.wait(leftovers, timeout=1.0))
            loop.close()

    def call(self, coro_fn: Callable[..., Awaitable[T]], *args: Any) -> T:
        future = asyncio.run_coroutine_threadsafe(coro_fn(*args), self._loop)  # type: ignore[arg-type]
        return future.result()

    def close(self) -> None:
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
