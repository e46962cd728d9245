"""Wrong: one result slot and one threading.Event on the client, shared by every call: when
calls overlap, the first coroutine to finish wakes every waiting caller, and each of them
returns that coroutine's result."""

import asyncio
import threading
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

EXPECT = "a call returned another call's result"

T = TypeVar("T")


class SyncClient:
    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._done = threading.Event()
        self._outcome: tuple[bool, Any] = (True, None)
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

    def call(self, coro_fn: Callable[..., Awaitable[T]], *args: Any) -> T:
        self._done.clear()

        async def runner() -> None:
            try:
                self._outcome = (True, await coro_fn(*args))
            except BaseException as error:  # noqa: BLE001 - handed to the calling thread
                self._outcome = (False, error)
            finally:
                self._done.set()

        asyncio.run_coroutine_threadsafe(runner(), self._loop)
        self._done.wait()
        ok, value = self._outcome
        if not ok:
            raise value
        return value

    def close(self) -> None:
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
