"""Wrong: keeps one loop and thread in class attributes, shared by every client and stopped by the last close(), so closing one client leaves the tasks its calls started running."""

import asyncio
import threading
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")

EXPECT = "one and the same event loop"


class SyncClient:
    """Runs an event loop in a background thread; `call` runs coroutines on it."""

    _loop: asyncio.AbstractEventLoop | None = None
    _thread: threading.Thread | None = None
    _users = 0

    def __init__(self) -> None:
        cls = type(self)
        if cls._loop is None or cls._loop.is_closed():
            cls._loop = asyncio.new_event_loop()
            cls._thread = threading.Thread(target=self._run, name="SyncClient-loop", daemon=True)
            cls._thread.start()
        cls._users += 1
        self._closed = False

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

    def call(self, coro_fn: Callable[..., Awaitable[T]], *args: Any) -> T:
        """Run `coro_fn(*args)` on the loop thread; block until done; return its result."""
        coro: Coroutine[Any, Any, T] = coro_fn(*args)  # type: ignore[assignment]
        # Thread-safe: it hands the coroutine to the loop and wakes the loop up. The returned
        # concurrent.futures.Future blocks this (calling) thread only.
        future = asyncio.run_coroutine_threadsafe(coro, self._loop)
        return future.result()

    def close(self) -> None:
        """Cancel leftover tasks, stop and close the loop, and join the thread."""
        cls = type(self)
        if self._closed:
            return
        self._closed = True
        cls._users -= 1
        if cls._users == 0 and cls._thread is not None and cls._thread.is_alive():
            cls._loop.call_soon_threadsafe(cls._loop.stop)
            cls._thread.join()
