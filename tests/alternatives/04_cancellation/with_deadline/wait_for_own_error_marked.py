"""Correct in another style: asyncio.wait_for, with fn()'s own TimeoutError carried out in a
private exception so that it cannot be taken for the deadline."""

import asyncio


class _OwnTimeoutError(Exception):
    """fn() itself raised TimeoutError (kept as the cause)."""


async def with_deadline(fn, seconds):
    async def marked():
        try:
            return await fn()
        except TimeoutError as exc:
            raise _OwnTimeoutError() from exc

    try:
        return await asyncio.wait_for(marked(), seconds)
    except TimeoutError:
        return None
    except _OwnTimeoutError as own:
        raise own.__cause__ from None
