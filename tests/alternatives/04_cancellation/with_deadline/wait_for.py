"""Correct in another style: asyncio.wait_for cancels fn() on timeout and raises TimeoutError
from the CancelledError; a TimeoutError of fn()'s own has no such cause."""

import asyncio


async def with_deadline(fn, seconds):
    try:
        return await asyncio.wait_for(fn(), seconds)
    except TimeoutError as exc:
        if isinstance(exc.__cause__, asyncio.CancelledError):
            return None
        raise
