"""From a thread: await a result that another OS thread delivers through a callback.

Some libraries do their work in their own thread and report back by calling a callback
*from that thread*. Write `from_thread(start_job)`: call `start_job(callback)`, which
returns at once; later, from another thread, the job calls `callback(result)`. Return
that result.

The event loop and its futures are not thread-safe. From the job's thread you must not call
`future.set_result(...)` or `loop.call_soon(...)`: the loop, asleep in `select()`, would not
even wake up. The one safe door is `loop.call_soon_threadsafe(fn, *args)`: it queues
`fn(*args)` to run on the loop's own thread and wakes the loop up.

So: get the loop with `asyncio.get_running_loop()` (inside the coroutine, before starting
the job; the job's thread has no running loop), create a future, give the job a callback
that calls `loop.call_soon_threadsafe(...)` to set the future's result, and await the
future. Any result may come back, `None` included. While you wait, the loop must stay free
for other tasks: no blocking wait in the coroutine (`threading.Event.wait()`,
`queue.Queue.get()`, `concurrent.futures.Future.result()` would freeze the loop until the
job is done). If the caller is cancelled while waiting, `from_thread` ends with that
CancelledError, and the late result must be ignored (check `future.done()` on the loop's
side). The job may never call back, so a cancelled `from_thread` must leave no thread behind
still waiting for the result. No polling with `asyncio.sleep`.

    >>> def start_job(callback):
    ...     threading.Thread(target=lambda: callback(6 * 7)).start()
    >>> await from_thread(start_job)
    42

Key API: `asyncio.get_running_loop()`, `loop.create_future()`,
`loop.call_soon_threadsafe()`.

Grade it: nox -s grade -- from_thread
"""

from collections.abc import Callable
from typing import Any


async def from_thread(start_job: Callable[[Callable[[Any], None]], object]) -> Any:
    """Start the job with a callback; return the result the job's thread hands to it."""
    raise NotImplementedError("await a future that call_soon_threadsafe resolves")
