"""Correct in another style: the thread creates its own loop, and __init__ waits on a
threading.Event until the loop exists, so call() works as soon as the constructor returns."""

import asyncio
import threading
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


class SyncClient:
    """Runs an event loop in a background thread; `call` runs coroutines on it."""

    def __init__(self) -> None:
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        self._ready.wait()  # the loop exists from here on

    def _run(self) -> None:
        loop = self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            leftovers = asyncio.all_tasks(loop)
            for task in leftovers:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*leftovers, return_exceptions=True))
            loop.close()

    def call(self, coro_fn: Callable[..., Awaitable[T]], *args: Any) -> T:
        """Run `coro_fn(*args)` on the loop thread; block until done; return its result."""
        coro: Coroutine[Any, Any, T] = coro_fn(*args)  # type: ignore[assignment]
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result()

    def close(self) -> None:
        """Cancel leftover tasks, stop and close the loop, and join the thread."""
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
