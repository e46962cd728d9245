"""Wrong: close() runs a cleanup coroutine that cancels every task, itself too, and waits for them: it never ends."""

import asyncio
import threading
from collections.abc import Awaitable, Callable
from typing import Any

EXPECT = "a coroutine that close() handed to the loop never finished"


class SyncClient:
    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()

    def call(self, coro_fn: Callable[..., Awaitable[Any]], *args: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro_fn(*args), self._loop).result()  # type: ignore[arg-type]

    async def _cancel_all(self) -> None:
        tasks = list(asyncio.all_tasks())  # this very task is among them
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self._cancel_all(), self._loop).result()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()
