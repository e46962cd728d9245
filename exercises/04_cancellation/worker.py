"""Clean up, then re-raise: a worker that always releases what it holds.

Write `worker(resource)`. It first acquires the resource with `await resource.acquire()`,
then uses it forever: `await resource.use()` in an endless loop. The worker only ever stops
because it is cancelled (or because `use()` raises). Whatever stops it, it must call
`resource.release()` (a plain method: no `await`) exactly once, and then let the cancellation
or error carry on to the caller. Stopped before `acquire()` has returned, it holds nothing:
then it must not call `release()`.

    task = asyncio.create_task(worker(resource))
    await asyncio.sleep(3)
    task.cancel()                 # the worker releases the resource...
    await asyncio.wait([task])
    task.cancelled()              # ...and still ends cancelled: True

`try: ... finally: resource.release()` does both. Catching `CancelledError` and returning
swallows the cancellation: the task then looks finished rather than cancelled, and
`asyncio.timeout()` around the worker cannot raise `TimeoutError` any more.

Key API: `try:` / `finally:`, `asyncio.CancelledError` (never swallow it).

Grade it: nox -s grade -- worker
"""

from typing import Any


async def worker(resource: Any) -> None:
    """Acquire `resource`, call `use()` until stopped, always release it and re-raise."""
    raise NotImplementedError("acquire, then loop on use() inside try/finally: release()")
