"""Clean up, then re-raise: a worker that always releases what it holds (reference solution)."""

from typing import Any


async def worker(resource: Any) -> None:
    """Acquire `resource`, call `use()` until stopped, always release it and re-raise."""
    await resource.acquire()
    # Acquire before `try`: if acquire() itself is cancelled there is nothing to release.
    try:
        while True:
            await resource.use()
    finally:
        # Runs on cancellation (CancelledError), on an error from use(), on anything: the
        # exception is not caught, so it carries on to the caller once we have released.
        resource.release()
