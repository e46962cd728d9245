"""Wrong: the loop's thread is started by the first call(), not by the constructor ("no thread
until it is needed"): a client closed without any call raises RuntimeError in close() and
leaves its loop unclosed, and no loop runs between construction and the first call."""

import asyncio
import threading
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

EXPECT = "in the constructor, not at the first call()"

T = TypeVar("T")


class SyncClient:
    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._starting = threading.Lock()

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

    def call(self, coro_fn: Callable[..., Awaitable[T]], *args: Any) -> T:
        with self._starting:
            if self._thread.ident is None:
                self._thread.start()
        future = asyncio.run_coroutine_threadsafe(coro_fn(*args), self._loop)  # type: ignore[arg-type]
        return future.result()

    def close(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
