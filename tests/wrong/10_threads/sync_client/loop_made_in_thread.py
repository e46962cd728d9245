"""Wrong: the loop is created inside the new thread, so __init__ returns before it exists: a
call() made at once after SyncClient() finds no loop (AttributeError) most of the time."""

import asyncio
import threading
from collections.abc import Awaitable, Callable
from typing import Any

EXPECT = "The constructor must return only once call() works"


class SyncClient:
    def __init__(self) -> None:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_forever()
        finally:
            tasks = asyncio.all_tasks(self._loop)
            for task in tasks:
                task.cancel()
            self._loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
            self._loop.close()

    def call(self, coro_fn: Callable[..., Awaitable[Any]], *args: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro_fn(*args), self._loop).result()  # type: ignore[arg-type]

    def close(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
