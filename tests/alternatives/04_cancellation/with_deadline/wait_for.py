"""Correct in another style: asyncio.wait_for cancels fn() on timeout and raises TimeoutError."""

import asyncio


async def with_deadline(fn, seconds):
    try:
        return await asyncio.wait_for(fn(), seconds)
    except TimeoutError:
        return None
