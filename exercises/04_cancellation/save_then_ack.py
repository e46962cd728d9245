"""Shield the save: a cancellation must not cut a save in half.

Write `save_then_ack(save, ack)`. `save` and `ack` are zero-argument async callables. Run
`await save()`, however long it takes (put no time limit of your own on it), and once the
save has finished, `await ack()`. It returns nothing.

The save must never be interrupted: if the caller of `save_then_ack` is cancelled while the
save runs, the caller gets its `CancelledError` at once, the save carries on in the
background to its end, and `ack()` is never called (the caller is gone; only a finished
save may be acknowledged). If `save()` fails, its error propagates at once (no retry) and
`ack()` is not called.

    task = asyncio.create_task(save_then_ack(save, ack))   # save() takes 1 s
    await asyncio.sleep(0.5)
    task.cancel()            # the task ends cancelled at 0.5 s...
    # ...the save still completes at 1.0 s; ack() is never called.

`asyncio.shield(aw)` protects `aw` from the cancellation of the code awaiting it. Keep a
reference to each shielded task somewhere (a module-level set, say), so it is not garbage
collected while it finishes in the background, and drop it once its save is done, so the set
does not grow with every call.

Key API: `asyncio.shield`, `asyncio.ensure_future` / `asyncio.create_task`.

Grade it: nox -s grade -- save_then_ack
"""

from collections.abc import Awaitable, Callable
from typing import Any


async def save_then_ack(
    save: Callable[[], Awaitable[Any]], ack: Callable[[], Awaitable[Any]]
) -> None:
    """Run save() shielded from cancellation; then, if it finished, ack()."""
    raise NotImplementedError("await asyncio.shield(the save), then await ack()")
