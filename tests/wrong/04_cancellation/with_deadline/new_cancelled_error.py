"""Wrong: turns the caller's cancellation into a new CancelledError of its own: the caller's
cancel message (task.cancel("why")) is lost."""

import asyncio

EXPECT = "not the one it was cancelled with"


async def with_deadline(fn, seconds):
    deadline = asyncio.timeout(seconds)
    try:
        async with deadline:
            return await fn()
    except TimeoutError:
        if not deadline.expired():
            raise
        return None
    except asyncio.CancelledError:
        raise asyncio.CancelledError("with_deadline: caller cancelled") from None
