"""A sync facade over a loop thread: call async code from plain, threaded code.

Write `class SyncClient`. Creating one starts an event loop in a background thread that runs
until `close()`. `call(coro_fn, *args)` may be called from any ordinary thread: it runs
`coro_fn(*args)` on that loop, blocks until it finishes, and returns its result (or raises
its exception). `call()` works as soon as the constructor has returned.

    client = SyncClient()
    try:
        print(client.call(fetch_json, "http://example.test/a"))   # from plain code
    finally:
        client.close()

Every call runs on the SAME loop, so state lives on across calls: a session, a connection
pool, a lock, or a task started by one call (`asyncio.run()` per call would create and tear
down a new loop each time, cancelling all of that). Calls made at the same time from several
threads run concurrently on that loop.

`close()` cancels the tasks still running on the loop (and waits for them), stops the loop,
closes it and joins the thread, so no thread is left behind.

Key API: `asyncio.new_event_loop()`, `threading.Thread(target=...)`, `loop.run_forever()`,
`asyncio.run_coroutine_threadsafe(coro, loop).result()`, `loop.call_soon_threadsafe(loop.stop)`,
`asyncio.all_tasks(loop)`, `loop.run_until_complete(...)`, `loop.close()`, `thread.join()`.

Grade it: nox -s grade -- sync_client
"""

from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


class SyncClient:
    """Runs an event loop in a background thread; `call` runs coroutines on it."""

    def __init__(self) -> None:
        raise NotImplementedError("create a loop and start a thread that runs it forever")

    def call(self, coro_fn: Callable[..., Coroutine[Any, Any, T]], *args: Any) -> T:
        """Run `coro_fn(*args)` on the loop thread; block until done; return its result."""
        raise NotImplementedError("use asyncio.run_coroutine_threadsafe(...).result()")

    def close(self) -> None:
        """Cancel leftover tasks, stop and close the loop, and join the thread."""
        raise NotImplementedError("stop the loop from its own thread, then join the thread")
