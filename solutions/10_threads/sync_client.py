"""A sync facade over a loop thread: call async code from plain code (reference solution)."""

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


class SyncClient:
    """Runs an event loop in a background thread; `call` runs coroutines on it."""

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="SyncClient-loop", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        """The loop thread: run until close() stops the loop, then clean up and close it."""
        loop = self._loop
        asyncio.set_event_loop(loop)
        try:
            loop.run_forever()
        finally:
            # Tasks still pending would be destroyed silently: cancel them and let them finish.
            leftovers = asyncio.all_tasks(loop)
            for task in leftovers:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*leftovers, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
            loop.close()

    def call(self, coro_fn: Callable[..., Coroutine[Any, Any, T]], *args: Any) -> T:
        """Run `coro_fn(*args)` on the loop thread; block until done; return its result."""
        coro = coro_fn(*args)
        # Thread-safe: it hands the coroutine to the loop and wakes the loop up. The returned
        # concurrent.futures.Future blocks this (calling) thread only.
        future = asyncio.run_coroutine_threadsafe(coro, self._loop)
        return future.result()

    def close(self) -> None:
        """Cancel leftover tasks, stop and close the loop, and join the thread."""
        if self._thread.is_alive():
            # loop.stop() must run on the loop's own thread: schedule it thread-safely.
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
