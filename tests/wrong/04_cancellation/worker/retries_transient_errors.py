"""Wrong: treats a TimeoutError or a ConnectionError of use() as transient and tries again, so such an error never stops the worker nor reaches the caller."""

from typing import Any

EXPECT = "did it catch that error and try again?"


async def worker(resource: Any) -> None:
    """Acquire `resource`, call `use()` until stopped, always release it and re-raise."""
    await resource.acquire()
    try:
        while True:
            try:
                await resource.use()
            except (TimeoutError, ConnectionError):
                continue  # "just a hiccup": use it again
    finally:
        resource.release()
