"""Wrong: turns its own cancellation into a new CancelledError of its own: the caller's cancel
message (task.cancel("why")) is lost."""

import asyncio

EXPECT = "not the one it was cancelled with"


async def shutdown(tasks, grace):
    tasks = list(tasks)
    if not tasks:
        return []
    for t in tasks:
        t.cancel()
    try:
        _, pending = await asyncio.wait(tasks, timeout=grace)
    except asyncio.CancelledError:
        raise asyncio.CancelledError("shutdown interrupted") from None
    return list(pending)
