"""Correct in another style: an asynccontextmanager acquires, and releases in its finally."""

from contextlib import asynccontextmanager
from typing import Any


@asynccontextmanager
async def _held(resource: Any):
    await resource.acquire()
    try:
        yield resource
    finally:
        resource.release()


async def worker(resource: Any) -> None:
    """Acquire `resource`, call `use()` until stopped, always release it and re-raise."""
    async with _held(resource):
        while True:
            await resource.use()
