"""Wrong: call() catches the CancelledError of a coroutine that close() cancelled and returns
None, as if the coroutine had finished with None."""

import asyncio
import concurrent.futures
import threading
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

EXPECT = "a cancelled coroutine has no result"

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
            loop.run_until_complete(asyncio.gather(*leftovers, return_exceptions=True))
            loop.close()

    def call(self, coro_fn: Callable[..., Awaitable[T]], *args: Any) -> T | None:  # type: ignore[return]
        future = asyncio.run_coroutine_threadsafe(coro_fn(*args), self._loop)  # type: ignore[arg-type]
        try:
            return future.result()
        except concurrent.futures.CancelledError:
            return None  # the client was closed under us: nothing to return

    def close(self) -> None:
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
