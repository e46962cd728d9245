"""Wrong: asyncio.wait_for, telling its timeout apart by the TimeoutError's cause. A
TimeoutError from fn()'s own asyncio.timeout has a CancelledError as its cause too, so it is
taken for the deadline and None comes back."""

import asyncio

EXPECT = "fn()'s own timeout was taken for the deadline"


async def with_deadline(fn, seconds):
    try:
        return await asyncio.wait_for(fn(), seconds)
    except TimeoutError as exc:
        if isinstance(exc.__cause__, asyncio.CancelledError):
            return None
        raise
