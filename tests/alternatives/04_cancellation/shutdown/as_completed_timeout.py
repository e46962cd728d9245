"""Correct in another style: asyncio.as_completed(tasks, timeout=grace), its TimeoutError ending
the wait; each cancelled task's CancelledError is swallowed unless shutdown itself is being
cancelled.
"""

import asyncio


async def shutdown(tasks, grace):
    tasks = list(tasks)
    for t in tasks:
        t.cancel()
    try:
        for fut in asyncio.as_completed(tasks, timeout=grace):
            try:
                await fut
            except asyncio.CancelledError:
                if asyncio.current_task().cancelling():
                    raise
            except Exception:  # noqa: BLE001 - a task's own error does not matter here
                pass
    except TimeoutError:
        pass
    return [t for t in tasks if not t.done()]
